/**
 * Parley under the heaviest recompute it does: a room holding the largest sheet the format
 * allows (16 parties, Shapley), one member per party, every member editing a unit price, and an
 * open proposal, so the server recomputes the sheet's value after every stored edit. Reports
 * the server's own event-loop lag (its /metrics), /healthz and edit-to-peer latency meanwhile.
 */
import * as Y from 'yjs';
import { getClauseMap, setParam } from '@parley/shared/room';
import { request } from '../../integration/helpers/api';
import { largeShapleySheet } from '../largeSheet';
import { SyncClient } from './client';
import { cpuMs } from './processCpu';
import { parleyRoom, startParley } from './servers';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface SheetTiming {
  /** Each member edits once per interval. */
  intervalMs: number;
  warmupMs: number;
  windowMs: number;
  /** Pause between two /healthz requests of the prober. */
  probeEveryMs: number;
}

export interface SheetResult {
  members: number;
  edits: number;
  windowMs: number;
  edit: Summary;
  missing: number;
  healthz: Summary;
  /** prom-client's nodejs_eventloop_lag_* over the window, in ms. */
  lag: { p50: number; p99: number; max: number };
  /** The same p99 with the room loaded and nobody editing. */
  idleLagP99: number;
  /** CPU the server process used in the window per edit made; NaN where it cannot be read. */
  serverCpuMsPerEdit: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads the event-loop lag figures from /metrics. prom-client resets its histogram on every
 * scrape, so a read covers the time since the previous one.
 */
async function scrapeLag(baseUrl: string): Promise<{ p50: number; p99: number; max: number }> {
  const response = await fetch(`${baseUrl}/metrics`);
  const text = await response.text();
  const read = (name: string): number => {
    const match = new RegExp(
      `^nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? (\\S+)$`,
      'm',
    ).exec(text);
    if (match === null) throw new Error(`/metrics has no nodejs_eventloop_lag_${name}_seconds`);
    return Number(match[1]) * 1000;
  };
  return { p50: read('p50'), p99: read('p99'), max: read('max') };
}

export async function measureSheet(timing: SheetTiming): Promise<SheetResult> {
  const server = await startParley();
  const clients: SyncClient[] = [];
  try {
    const sheet = largeShapleySheet() as { parties: { id: string }[] };
    const parties = sheet.parties.map((p) => p.id);
    const room = await parleyRoom(
      server.spawned,
      parties.length,
      { title: 'Sixteen parties under edits', termsheet: sheet },
      parties,
    );
    // An open proposal on a clause nobody edits stays open, so every edit makes the server
    // recompute the sheet's value to check it (and, once edits pause, its impact).
    const proposal = await request(
      server.spawned.url,
      'POST',
      `/api/rooms/${room.roomId}/proposals`,
      {
        token: room.organizerToken,
        body: {
          clauseId: 'exit',
          params: [{ path: 'noticePeriods', value: 4 }],
          rationale: 'A longer notice period while the revenue terms settle.',
        },
      },
    );
    if (proposal.status !== 201) {
      throw new Error(`proposal: ${proposal.status} ${JSON.stringify(proposal.body)}`);
    }

    const pending = new Map<number, { at: number; waiting: number }>();
    const samples: number[] = [];
    for (const seat of room.seats) clients.push(new SyncClient(seat.url, seat.wire, {}));
    await Promise.all(clients.map((c) => c.synced));
    for (const client of clients) {
      const revenue = getClauseMap(client.doc, 'rev');
      if (revenue === undefined) throw new Error('the synced sheet has no revenue clause');
      revenue.observeDeep((events, transaction) => {
        if (!client.isRemote(transaction)) return;
        const now = performance.now();
        for (const event of events) {
          if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has('unitPrice')) continue;
          const value = (event.target as Y.Map<unknown>).get('unitPrice') as number;
          const edit = pending.get(value);
          if (edit === undefined) continue;
          samples.push(now - edit.at);
          if (--edit.waiting === 0) pending.delete(value);
        }
      });
    }

    const baseUrl = server.spawned.url;
    await scrapeLag(baseUrl);
    await sleep(2000);
    const idle = await scrapeLag(baseUrl);

    // Unit prices are unique per edit, so an arriving price names the edit it came from.
    let price = 1000;
    let edits = 0;
    const measureFrom = performance.now() + timing.warmupMs;
    const stopAt = measureFrom + timing.windowMs;
    const timers: NodeJS.Timeout[] = [];
    clients.forEach((client, i) => {
      const edit = () => {
        const now = performance.now();
        if (now >= stopAt) return;
        const value = price++;
        if (now >= measureFrom) {
          pending.set(value, { at: now, waiting: clients.length - 1 });
          edits++;
        }
        setParam(client.doc, 'rev', ['streams', i, 'unitPrice'], value);
      };
      const offset = Math.floor((i * timing.intervalMs) / clients.length);
      timers.push(
        setTimeout(() => {
          edit();
          timers.push(setInterval(edit, timing.intervalMs));
        }, offset),
      );
    });

    await sleep(measureFrom - performance.now());
    await scrapeLag(baseUrl);
    const cpuFrom = cpuMs(server.pid);
    const probes: number[] = [];
    while (performance.now() < stopAt) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      probes.push(performance.now() - started);
      await sleep(timing.probeEveryMs);
    }
    const lag = await scrapeLag(baseUrl);
    const cpuTo = cpuMs(server.pid);
    for (const timer of timers) clearInterval(timer);
    const drainUntil = performance.now() + 5000;
    while (pending.size > 0 && performance.now() < drainUntil) await sleep(20);
    let missing = 0;
    for (const edit of pending.values()) missing += edit.waiting;
    return {
      members: clients.length,
      edits,
      windowMs: timing.windowMs,
      edit: summarize(samples),
      missing,
      healthz: summarize(probes),
      lag,
      idleLagP99: idle.p99,
      serverCpuMsPerEdit: cpuFrom === null || cpuTo === null ? NaN : (cpuTo - cpuFrom) / edits,
    };
  } finally {
    for (const client of clients) client.close();
    await server.stop();
  }
}
