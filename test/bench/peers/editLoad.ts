/**
 * Edit-to-peer latency under load: rooms of clients that all edit at a steady rate; a sample is
 * the time from one client's edit until one other client of its room has applied it.
 */
import * as Y from 'yjs';
import { SyncClient } from './client';
import { cpuMs } from './processCpu';
import type { BenchServer } from './servers';

export interface EditLoad {
  label: string;
  rooms: number;
  perRoom: number;
  /** The first clients of each room apply relayed edits and time them; see SyncClientOptions. */
  observersPerRoom: number;
  /** Each client edits once per interval. */
  intervalMs: number;
}

export interface EditTiming {
  /** Edits run this long before samples are kept, so both sides' JIT has settled. */
  warmupMs: number;
  windowMs: number;
  /** How long to wait, after the last edit, for edits still on their way. */
  drainMs: number;
}

export interface EditResult {
  samples: number[];
  /** Deliveries to observers that had not happened when the wait for them ended. */
  missing: number;
  /** Edits made in the measured window. */
  edits: number;
  /** CPU the server process used in the measured window; null where it cannot be read. */
  serverCpuMs: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where every edit goes: the first line of the scope clause's text, as a person typing in a
 * clause. Parley refuses writes outside a term sheet's layout, so the load stays inside it.
 */
function editedText(doc: Y.Doc): Y.XmlText {
  const clause = doc.getMap('clauses').get('c-scope') as Y.Map<unknown>;
  const paragraph = (clause.get('body') as Y.XmlFragment).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** True once the document holds the text the load edits (a peer's seed may arrive after sync). */
function hasEditedText(doc: Y.Doc): boolean {
  const clause = doc.getMap('clauses').get('c-scope');
  if (!(clause instanceof Y.Map)) return false;
  const body = clause.get('body');
  if (!(body instanceof Y.XmlFragment)) return false;
  const paragraph = body.get(0);
  return paragraph instanceof Y.XmlElement && paragraph.get(0) instanceof Y.XmlText;
}

async function untilSeeded(clients: SyncClient[], what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!clients.every((client) => hasEditedText(client.doc))) {
    if (performance.now() > deadline) {
      throw new Error(`${what}: the room's text did not reach every client in ${timeoutMs} ms`);
    }
    await sleep(20);
  }
}

async function allSynced(clients: SyncClient[], what: string, timeoutMs = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: clients not synced after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([Promise.all(clients.map((c) => c.synced)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function measureEdits(
  server: BenchServer,
  tag: string,
  load: EditLoad,
  timing: EditTiming,
): Promise<EditResult> {
  const seats = await server.rooms(tag, load.rooms, load.perRoom);
  /** Per edit id: when it was made, and how many observers have yet to apply it. */
  const pending = new Map<string, { at: number; waiting: number }>();
  const samples: number[] = [];
  const clients: SyncClient[] = [];
  const rooms = seats.map((roomSeats) =>
    roomSeats.map((seat, i) => {
      const observe = i < load.observersPerRoom;
      const client = new SyncClient(seat.url, seat.wire, {
        ...(i === 0 && server.seed !== undefined ? { seed: server.seed } : {}),
      });
      if (observe) {
        // Observed from the document down, so that it works wherever the text came from.
        void client.synced.then(() =>
          client.doc.getMap('clauses').observeDeep((events) => {
            const event = events.find((e) => e.target instanceof Y.XmlText);
            if (event === undefined) return;
            if (!client.isRemote(event.transaction)) return;
            const now = performance.now();
            for (const change of event.delta) {
              if (typeof change.insert !== 'string') continue;
              for (const id of change.insert.match(/e\d+/g) ?? []) {
                const edit = pending.get(id);
                if (edit === undefined) continue;
                samples.push(now - edit.at);
                if (--edit.waiting === 0) pending.delete(id);
              }
            }
          }),
        );
      }
      clients.push(client);
      return client;
    }),
  );
  try {
    await allSynced(clients, `${server.name}, ${load.label}`);
    await untilSeeded(clients, `${server.name}, ${load.label}`);
    for (const room of rooms) {
      room.forEach((client, i) => client.startLoad(i < load.observersPerRoom));
    }
    let counter = 0;
    let edits = 0;
    const measureFrom = performance.now() + timing.warmupMs;
    const stopAt = measureFrom + timing.windowMs;
    const timers: NodeJS.Timeout[] = [];
    let index = 0;
    for (const room of rooms) {
      room.forEach((client, i) => {
        const others =
          Math.min(load.observersPerRoom, room.length) - (i < load.observersPerRoom ? 1 : 0);
        const edit = () => {
          const now = performance.now();
          if (now >= stopAt) return;
          const id = `e${counter++}`;
          if (now >= measureFrom) {
            edits++;
            if (others > 0) pending.set(id, { at: now, waiting: others });
          }
          editedText(client.doc).insert(0, ` ${id}`);
        };
        // Spread the clients' edits evenly over one interval instead of all at once.
        const offset = Math.floor((index++ * load.intervalMs) / clients.length);
        timers.push(
          setTimeout(() => {
            edit();
            timers.push(setInterval(edit, load.intervalMs));
          }, offset),
        );
      });
    }
    await sleep(measureFrom - performance.now());
    const cpuFrom = cpuMs(server.pid);
    await sleep(stopAt - performance.now());
    const cpuTo = cpuMs(server.pid);
    for (const timer of timers) clearInterval(timer);
    const drainUntil = performance.now() + timing.drainMs;
    while (pending.size > 0 && performance.now() < drainUntil) await sleep(20);
    let missing = 0;
    for (const edit of pending.values()) missing += edit.waiting;
    const serverCpuMs = cpuFrom === null || cpuTo === null ? null : cpuTo - cpuFrom;
    return { samples, missing, edits, serverCpuMs };
  } finally {
    for (const client of clients) client.close();
  }
}
