/**
 * /collab figures: edit-to-peer latency (one busy room; many small rooms), store append latency,
 * cold load of a long room history, memory per loaded room.
 *
 * The sync server runs in a child process (this same file, started with PARLEY_COLLAB_BENCH
 * set), so the clients' own Yjs work does not sit in the server's event loop. Memory is measured
 * in another child started with `--expose-gc`, so `global.gc()` can settle the heap before and
 * after loading the rooms: `node --expose-gc --import tsx test/bench/collab.bench.ts` with
 * PARLEY_COLLAB_BENCH=memory prints that figure alone.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createRoomDoc } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { attachCollab } from '../../server/src/collab';
import type { CollabHandle } from '../../server/src/collab';
import { createRoomRuntime } from '../../server/src/rooms';
import type { RoomRuntime } from '../../server/src/rooms';
import { touchedClausesHook } from '../../server/src/rooms/builtin';
import { createLogger } from '../../server/src/logger';
import { createStore } from '../../server/src/store';
import type { Store } from '../../server/src/store';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const thisFile = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------- figures

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

function summarize(samples: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

const rows: { measure: string; figure: string; goal: string; ok: string }[] = [];

function report(measure: string, figure: string, goal: string, ok: boolean | null): void {
  rows.push({ measure, figure, goal, ok: ok === null ? '' : ok ? 'yes' : 'NO' });
  console.log(`  ${measure}: ${figure}${goal ? `  (goal ${goal})` : ''}`);
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;

// ---------------------------------------------------------------- a room store

interface BenchStore {
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

async function openStore(
  dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-')),
): Promise<BenchStore> {
  const store = createStore({ kind: 'sqlite', dataDir });
  await store.migrate();
  return {
    store,
    dataDir,
    async close() {
      await store.close();
    },
  };
}

async function createRooms(store: Store, ids: string[], initial: Uint8Array): Promise<void> {
  for (const id of ids) {
    await store.createRoom({ id, title: id, createdAt: Date.now() }, initial, {
      id: `org-${id}`,
      roomId: id,
      name: 'Organizer',
      role: 'organizer',
      partyId: null,
      createdAt: Date.now(),
      revokedAt: null,
    });
  }
}

function templateUpdate(): Uint8Array {
  return Y.encodeStateAsUpdate(createRoomDoc(templates.mhealth));
}

// ---------------------------------------------------------------- the server process

interface CollabHost {
  url: string;
  collab: CollabHandle;
  rooms: RoomRuntime;
  close(): Promise<void>;
}

/** attachCollab on a bare HTTP server; every token is accepted as a negotiator of its room. */
async function hostCollab(store: Store, compact = true): Promise<CollabHost> {
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const logger = createLogger('silent');
  const rooms = createRoomRuntime({
    store: compact ? store : { ...store, compact: async () => undefined },
    logger,
  });
  rooms.register([touchedClausesHook()]);
  const collab = attachCollab({
    server,
    rooms,
    logger,
    limits: { rateLimitPerSecond: 10_000, rateLimitBurst: 10_000 },
    authenticate: async (roomId, token) =>
      token === null
        ? { ok: false, status: 401, code: 'unauthorized', message: 'no token' }
        : {
            ok: true,
            member: { memberId: token, roomId, role: 'negotiator', partyId: null, name: token },
          },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`,
    collab,
    rooms,
    async close() {
      await collab.close();
      await rooms.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface ChildServer {
  url: string;
  stop(): Promise<void>;
}

function startChild(
  mode: string,
  env: Record<string, string>,
  args: string[] = [],
): {
  result: Promise<string>;
  child: ReturnType<typeof spawn>;
} {
  const child = spawn(process.execPath, [...args, '--import', 'tsx', thisFile], {
    cwd: repoRoot,
    env: { ...process.env, PARLEY_COLLAB_BENCH: mode, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const result = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line !== undefined) resolve(line.slice('RESULT '.length));
    });
    child.once('exit', (code) => reject(new Error(`bench child ${mode} exited with ${code}`)));
  });
  return { result, child };
}

async function spawnCollabServer(dataDir: string): Promise<ChildServer> {
  const { result, child } = startChild('server', { PARLEY_BENCH_DATA: dataDir });
  const url = await result;
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function serveChild(): Promise<void> {
  const dataDir = process.env.PARLEY_BENCH_DATA ?? '';
  const { store, close } = await openStore(dataDir);
  const host = await hostCollab(store);
  process.on('SIGTERM', () => {
    void host
      .close()
      .then(close)
      .then(() => process.exit(0));
  });
  console.log(`RESULT ${host.url}`);
}

// ---------------------------------------------------------------- raw y-protocols clients

class BenchClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  readonly opened: Promise<void>;

  /**
   * `observe`: apply every relayed update and report the edits that arrive. Other clients still
   * receive every frame but, once synced, skip the Yjs work, so that fifty clients in this one
   * process do not drown the server in CPU contention (real clients each have their own machine).
   */
  constructor(
    url: string,
    roomId: string,
    token: string,
    onRemoteIds: (ids: string[]) => void,
    observe = true,
  ) {
    this.ws = new WebSocket(`${url}/${roomId}?token=${token}`);
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    let markSynced: () => void = () => undefined;
    let isSynced = false;
    this.synced = new Promise((resolve) => (markSynced = resolve));
    this.ws.on('message', (data: Buffer) => {
      // [0, 2, ...] is a relayed update.
      if (isSynced && !observe && data[0] === 0 && data[1] === 2) return;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.ws.send(encoding.toUint8Array(encoder));
      if (kind === syncProtocol.messageYjsSyncStep2) {
        isSynced = true;
        markSynced();
      }
    });
    this.ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.ws.send(encoding.toUint8Array(encoder));
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || this.ws.readyState !== WebSocket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      this.ws.send(encoding.toUint8Array(encoder));
    });
    this.doc.getArray<string>('edits').observe((event) => {
      if (event.transaction.origin !== this) return;
      const ids: string[] = [];
      for (const change of event.changes.delta) {
        if (change.insert !== undefined) ids.push(...(change.insert as string[]));
      }
      onRemoteIds(ids);
    });
  }

  edit(id: string): void {
    this.doc.getArray<string>('edits').push([id]);
  }

  close(): void {
    this.ws.terminate();
    this.doc.destroy();
  }
}

/**
 * `rooms` rooms of `perRoom` clients; every client edits every `intervalMs` for `durationMs`;
 * a sample is the time from one client's edit to its arrival at one of the first
 * `observersPerRoom` clients of the room (every client receives every edit).
 */
async function latency(
  url: string,
  roomIds: string[],
  perRoom: number,
  observersPerRoom: number,
  intervalMs: number,
  durationMs: number,
): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  // The first half second warms up the JIT on both sides; its samples are not kept.
  let measureFrom = Infinity;
  const onRemote = (ids: string[]): void => {
    const now = performance.now();
    for (const id of ids) {
      const at = sentAt.get(id);
      if (at !== undefined && at >= measureFrom) samples.push(now - at);
    }
  };
  const clients: BenchClient[] = [];
  for (const roomId of roomIds) {
    for (let i = 0; i < perRoom; i++) {
      clients.push(
        new BenchClient(url, roomId, `c${clients.length}`, onRemote, i < observersPerRoom),
      );
    }
  }
  await Promise.all(clients.map((c) => c.synced));
  let counter = 0;
  measureFrom = performance.now() + 500;
  const timers = clients.map((client, i) => {
    const start = setTimeout(
      () => {
        timers[i] = setInterval(() => {
          const id = `e${counter++}`;
          sentAt.set(id, performance.now());
          client.edit(id);
        }, intervalMs);
      },
      Math.floor((i * intervalMs) / clients.length),
    );
    return start as NodeJS.Timeout;
  });
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearInterval(timer);
  // Let the last edits arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const client of clients) client.close();
  return samples;
}

// ---------------------------------------------------------------- measures

async function measureLatency(): Promise<void> {
  const oneRoom = ['bench-one'];
  const manyRooms = Array.from({ length: 100 }, (_, i) => `bench-many-${i}`);
  const { store, dataDir, close } = await openStore();
  await createRooms(store, [...oneRoom, ...manyRooms], templateUpdate());
  await close();
  const server = await spawnCollabServer(dataDir);
  try {
    const one = summarize(await latency(server.url, oneRoom, 50, 5, 250, 4500));
    report(
      `edit-to-peer, 50 clients in one room, 200 edits/s (${one.n} samples) p50 / p99`,
      `${ms(one.p50)} / ${ms(one.p99)}`,
      'p99 < 25 ms',
      one.p99 < 25,
    );
    const many = summarize(await latency(server.url, manyRooms, 5, 1, 1000, 4500));
    report(
      `edit-to-peer, 100 rooms x 5 clients, 500 edits/s (${many.n} samples) p50 / p99`,
      `${ms(many.p50)} / ${ms(many.p99)}`,
      'p99 < 25 ms',
      many.p99 < 25,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Typing-sized updates, each one character, as an editor produces them. */
function typingUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('notes');
  for (let i = 0; i < count; i++)
    text.insert(Math.floor(text.length / 2), 'abcdefgh'[i % 8] ?? 'a');
  doc.destroy();
  return updates;
}

async function appendLatencies(store: Store, roomId: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (const data of typingUpdates(count)) {
    const started = performance.now();
    await store.appendUpdate({ roomId, data, memberId: 'm', clauseIds: [], at: Date.now() });
    times.push(performance.now() - started);
  }
  return times;
}

/** The same appends on PostgreSQL, in a database of its own; skipped when none is reachable. */
async function measurePostgresAppend(): Promise<void> {
  const adminUrl =
    process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `parley_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string): Promise<void> => {
    const connection = new pg.Client({ connectionString: adminUrl });
    await connection.connect();
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    report('store append, PostgreSQL', `skipped (${(error as Error).message})`, '', null);
    return;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = createStore({ kind: 'postgres', databaseUrl: url.toString() });
  try {
    await store.migrate();
    await createRooms(store, ['append'], templateUpdate());
    const append = summarize(await appendLatencies(store, 'append', 1000));
    report(
      `store append, PostgreSQL (${append.n} appends) p50 / p99`,
      `${ms(append.p50)} / ${ms(append.p99)}`,
      '',
      null,
    );
  } finally {
    await store.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function measureStoreAndColdLoad(): Promise<void> {
  const { store, dataDir, close } = await openStore();
  try {
    await createRooms(store, ['append', 'history'], templateUpdate());
    const append = summarize(await appendLatencies(store, 'append', 2000));
    report(
      `store append, SQLite (${append.n} appends) p50 / p99`,
      `${ms(append.p50)} / ${ms(append.p99)}`,
      '',
      null,
    );

    for (const data of typingUpdates(10_000)) {
      await store.appendUpdate({
        roomId: 'history',
        data,
        memberId: 'm',
        clauseIds: [],
        at: Date.now(),
      });
    }
    const loads: number[] = [];
    const firstSyncs: number[] = [];
    for (let run = 0; run < 5; run++) {
      // A fresh endpoint each time, and no compaction on close, so every run loads 10,000 updates.
      const host = await hostCollab(store, false);
      const started = performance.now();
      await host.rooms.getDoc('history');
      loads.push(performance.now() - started);
      await host.close();

      const wsHost = await hostCollab(store, false);
      const connectStarted = performance.now();
      const client = new BenchClient(wsHost.url, 'history', 'reader', () => undefined);
      await client.synced;
      firstSyncs.push(performance.now() - connectStarted);
      client.close();
      await wsHost.close();
    }
    const load = summarize(loads);
    report(
      'cold load, template room + 10,000 stored updates (median of 5)',
      ms(
        percentile(
          [...loads].sort((a, b) => a - b),
          50,
        ),
      ),
      '< 150 ms',
      load.p50 < 150,
    );
    const sync = [...firstSyncs].sort((a, b) => a - b);
    report(
      '  same, websocket connect to first full sync (median of 5)',
      ms(percentile(sync, 50)),
      '',
      null,
    );
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function memoryChild(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const settle = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return process.memoryUsage().heapUsed;
  };
  const { store, dataDir, close } = await openStore();
  const count = 200;
  const ids = Array.from({ length: count }, (_, i) => `mem-${i}`);
  await createRooms(store, ids, templateUpdate());
  const host = await hostCollab(store);
  // Load one first so code paths and caches are warm, then measure the rest.
  await host.rooms.getDoc('mem-0');
  const before = await settle();
  for (const id of ids.slice(1)) await host.rooms.getDoc(id);
  const after = await settle();
  const perRoom = (after - before) / (count - 1);
  console.log(`RESULT ${JSON.stringify({ perRoom, rooms: host.rooms.stats().roomsLoaded })}`);
  await host.close();
  await close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function measureMemory(): Promise<void> {
  const { result } = startChild('memory', {}, ['--expose-gc']);
  const { perRoom, rooms } = JSON.parse(await result) as { perRoom: number; rooms: number };
  report(
    `memory per loaded mHealth template room (heap delta over ${rooms} rooms)`,
    `${(perRoom / 1024).toFixed(1)} KiB`,
    '< 1 MB',
    perRoom < 1024 * 1024,
  );
}

export default async function run(): Promise<void> {
  // Latency on a shared machine says as much about the neighbours as about the server.
  console.log(
    `  load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await measureStoreAndColdLoad();
  await measurePostgresAppend();
  await measureMemory();
  await measureLatency();
  console.log('');
  console.table(rows);
}

const mode = process.env.PARLEY_COLLAB_BENCH;
if (mode === 'server') await serveChild();
else if (mode === 'memory') await memoryChild();
else if (process.argv[1] === thisFile) await run();
