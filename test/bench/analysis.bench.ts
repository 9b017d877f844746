/**
 * Decision support against its goals, as people meet it. In the browser's analysis worker: a
 * template's sensitivity (tornado) in under 50 ms, and its break-even volumes. On the server, in
 * this process so that its event loop is the one measured: 1,000 Monte Carlo paths of every
 * scenario of a template through `GET /api/rooms/:id/analysis/risk` in under 1 s, computed on the
 * engine threads, with the event loop's lag while they run (goal: under 50 ms at its worst, so
 * edits keep flowing) and, for contrast, what the same paths would hold the loop for if run on it.
 * The mediator's fair-settlement search on the engine threads is timed too.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { monteCarlo } from '@parley/shared/analysis';
import { templateIds, templates } from '@parley/shared/templates';
import { runJob } from '../../client/src/room/analysis/jobs';
import { appoint, createRoom, request, seatParties } from '../integration/helpers/api';
import { startServer } from '../integration/helpers/server';

interface Row {
  name: string;
  median: number;
  p95: number;
  goal: string;
  runs: number;
  extra: string;
}

function stats(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

async function timeRuns(runs: number, fn: (i: number) => Promise<void> | void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** The template with 10 % volatility on every growing or series driver and equal probabilities
 * (but for rounding), so that every path differs and the pooled figures are computed too. */
function volatile(template: unknown): unknown {
  const sheet = structuredClone(template) as {
    assumptions: { scenarios: { probabilityPct?: number; drivers: Record<string, unknown> }[] };
  };
  const n = sheet.assumptions.scenarios.length;
  sheet.assumptions.scenarios.forEach((s, i) => {
    s.probabilityPct = i === 0 ? 100 - Math.floor(100 / n) * (n - 1) : Math.floor(100 / n);
    for (const d of Object.values(s.drivers)) {
      if (typeof d === 'object' && d !== null) (d as { volatilityPct?: number }).volatilityPct = 10;
    }
  });
  return sheet;
}

function ms(v: number): string {
  return v.toFixed(1);
}

export default async function run(): Promise<void> {
  const rows: Row[] = [];

  for (const id of templateIds) {
    const sheet = templates[id];
    const partyId = sheet.parties[0]?.id ?? '';
    const scenarioId = sheet.assumptions.scenarios[1]?.id ?? sheet.assumptions.scenarios[0]!.id;
    const job = { kind: 'sensitivity', partyId, scenarioId, stepPct: 10 } as const;
    for (let i = 0; i < 5; i++) runJob(sheet, job);
    const times = await timeRuns(30, () => void runJob(sheet, job));
    rows.push({
      name: `sensitivity (worker job), ${id}`,
      ...stats(times),
      goal: '< 50',
      runs: 30,
      extra: '',
    });
  }
  for (const id of templateIds) {
    const sheet = templates[id];
    const scenarioId = sheet.assumptions.scenarios[1]?.id ?? sheet.assumptions.scenarios[0]!.id;
    const job = { kind: 'break-even', scenarioId } as const;
    runJob(sheet, job);
    const times = await timeRuns(10, () => void runJob(sheet, job));
    rows.push({
      name: `break-even (worker job), ${id}`,
      ...stats(times),
      goal: '-',
      runs: 10,
      extra: '',
    });
  }

  const server = await startServer();
  try {
    for (const id of templateIds) {
      const sheet = volatile(templates[id]);
      const room = await createRoom(server.url, { title: `Risk ${id}`, termsheet: sheet });
      const path = `/api/rooms/${room.roomId}/analysis/risk?paths=1000`;
      const first = await request<{ result: unknown }>(server.url, 'GET', `${path}&seed=1`, {
        token: room.organizerToken,
      });
      if (first.status !== 200 || first.body.result === null)
        throw new Error(`risk on ${id} failed: ${first.status} ${JSON.stringify(first.body)}`);
      const lag = monitorEventLoopDelay({ resolution: 5 });
      lag.enable();
      // A new seed each time: an identical question would be answered from the kept result.
      const times = await timeRuns(7, async (i) => {
        const answer = await request(server.url, 'GET', `${path}&seed=${i + 2}`, {
          token: room.organizerToken,
        });
        if (answer.status !== 200) throw new Error(`risk on ${id}: ${answer.status}`);
      });
      lag.disable();
      const inline = await timeRuns(3, () => void monteCarlo(sheet, { paths: 1000, seed: 99 }));
      rows.push({
        name: `Monte Carlo 1,000 paths x every scenario (REST, engine thread), ${id}`,
        ...stats(times),
        goal: '< 1000',
        runs: 7,
        extra: `loop lag max ${ms(lag.max / 1e6)} ms, p99 ${ms(lag.percentile(99) / 1e6)} ms (inline it would block ${ms(stats(inline).median)} ms)`,
      });
    }

    const room = await createRoom(server.url, { title: 'Settlement', template: 'telematics' });
    const organizers = await seatParties(server.url, room.roomId, room.organizerToken);
    const share = async (token: string, party: string, bound: 'min' | 'max', value: number) => {
      const key = { clauseId: 'c-revenue', param: 'streams.0.unitPrice', bound };
      await request(server.url, 'PUT', `/api/rooms/${room.roomId}/positions`, {
        token,
        body: { ...key, value },
      });
      const shared = await request(
        server.url,
        'POST',
        `/api/rooms/${room.roomId}/positions/share`,
        {
          token,
          body: { ...key, shared: true },
        },
      );
      if (shared.status !== 200) throw new Error(`${party} could not share: ${shared.status}`);
    };
    await share(organizers.csp!, 'csp', 'min', 1200);
    await share(organizers.carmaker!, 'carmaker', 'max', 1800);
    const mediator = await appoint(server.url, room.roomId, organizers, {
      name: 'Bench mediator',
      role: 'mediator',
    });
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const times = await timeRuns(3, async (i) => {
      // Another basis each time, so that no answer is reused.
      const query = ['', '?disagreement=no-deal', '?scenario=base'][i] ?? '';
      const answer = await request(
        server.url,
        'GET',
        `/api/rooms/${room.roomId}/analysis/settlement${query}`,
        { token: mediator.token },
      );
      if (answer.status !== 200) throw new Error(`settlement: ${answer.status}`);
    });
    lag.disable();
    rows.push({
      name: 'fair settlement, one shared price range (REST, engine thread), telematics',
      ...stats(times),
      goal: '-',
      runs: 3,
      extra: `loop lag max ${ms(lag.max / 1e6)} ms`,
    });
  } finally {
    await server.close();
  }

  const nameWidth = Math.max(...rows.map((r) => r.name.length));
  const header = `${'case'.padEnd(nameWidth)}  ${'median ms'.padStart(10)}  ${'p95 ms'.padStart(10)}  ${'goal ms'.padStart(8)}  ${'runs'.padStart(5)}  result`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const r of rows) {
    const goal = r.goal === '-' ? null : Number(r.goal.replace('< ', ''));
    const verdict = goal === null ? '' : r.median < goal ? 'ok' : 'OVER GOAL';
    console.log(
      `${r.name.padEnd(nameWidth)}  ${ms(r.median).padStart(10)}  ${ms(r.p95).padStart(10)}  ${r.goal.padStart(8)}  ${String(r.runs).padStart(5)}  ${verdict}${r.extra ? `  ${r.extra}` : ''}`,
    );
  }
}
