/**
 * The servers of the comparison, each started as a child process on this machine and handed
 * rooms the way its own users get them: Parley's through its REST API (one member per client),
 * the peers' by naming a document.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { createRoomDoc } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { createRoom, invite, seatParties } from '../../integration/helpers/api';
import { buildServer, repoRoot, spawnServer } from '../../integration/helpers/server';
import type { SpawnedServer } from '../../integration/helpers/server';
import { hocuspocusWire, plainWire } from './wire';
import type { Wire } from './wire';

/** Where one client connects to reach its room as its member. */
export interface Seat {
  url: string;
  wire: Wire;
}

export interface BenchServer {
  /** Short name for tables. */
  readonly name: string;
  /** `count` fresh rooms of `perRoom` seats each; the same `tag` is never used twice. */
  rooms(tag: string, count: number, perRoom: number): Promise<Seat[][]>;
  /**
   * What a room's first client starts its document from: the peers' rooms start empty, so
   * they receive the mHealth template Parley's rooms are created with, and every server
   * relays edits to documents of the same size.
   */
  readonly seed: Uint8Array | undefined;
  /** The server's process, for its CPU time. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export type ServerKind = 'parley' | 'y-websocket' | 'y-websocket-leveldb' | 'hocuspocus';

export const serverNames: Record<ServerKind, string> = {
  parley: 'Parley (SQLite, store then relay)',
  'y-websocket': '@y/websocket-server (memory)',
  'y-websocket-leveldb': '@y/websocket-server + LevelDB',
  hocuspocus: '@hocuspocus/server (memory)',
};

const templateSeed = Y.encodeStateAsUpdate(createRoomDoc(templates.mhealth));

/** Runs `step` over `items` with at most `limit` running at once. */
async function inBatches<T, R>(items: T[], limit: number, step: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await step(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A room of Parley with `members` members: the organizer, then negotiators of every party in turn. */
export async function parleyRoom(
  server: SpawnedServer,
  members: number,
  body: { title: string; template?: string; termsheet?: unknown },
  parties: string[],
): Promise<{ roomId: string; organizerToken: string; seats: Seat[] }> {
  const room = await createRoom(server.url, body);
  // A party's first seat is its organizer, who then invites the party's negotiators.
  const organizers = await seatParties(server.url, room.roomId, room.organizerToken);
  const tokens = [room.organizerToken];
  for (let i = 1; i < members; i++) {
    const party = parties[i % parties.length] as string;
    const organizer = organizers[party] ?? room.organizerToken;
    const created = await invite(server.url, room.roomId, organizer, {
      name: `Negotiator ${i}`,
      role: 'negotiator',
      party,
    });
    tokens.push(created.token);
  }
  return {
    roomId: room.roomId,
    organizerToken: room.organizerToken,
    seats: tokens.map((token) => ({
      url: `${server.collabUrl}/${room.roomId}?token=${token}`,
      wire: plainWire,
    })),
  };
}

/** Parley's production build (server/dist/main.js) on SQLite in a temporary directory. */
export async function startParley(): Promise<BenchServer & { spawned: SpawnedServer }> {
  // As in production: the compiled server, and every room of the load made from one address.
  buildServer();
  const spawned = await spawnServer({
    env: {
      LOG_LEVEL: 'warn',
      ROOM_CREATION_PER_HOUR: '100000',
    },
    // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile Parley under the load.
    nodeArgs: process.env.PARLEY_BENCH_NODE_ARGS?.split(' ').filter((arg) => arg !== '') ?? [],
    compiled: true,
  });
  const parties = templates.mhealth.parties.map((p) => p.id);
  return {
    name: serverNames.parley,
    spawned,
    seed: undefined,
    pid: spawned.child.pid,
    async rooms(tag, count, perRoom) {
      const indexes = Array.from({ length: count }, (_, i) => i);
      const rooms = await inBatches(indexes, 8, (i) =>
        parleyRoom(spawned, perRoom, { title: `${tag} ${i}`, template: 'mhealth' }, parties),
      );
      return rooms.map((room) => room.seats);
    },
    async stop() {
      await spawned.stop();
      rmSync(spawned.dataDir, { recursive: true, force: true });
    },
  };
}

const peerEntry = fileURLToPath(new URL('./peerServer.ts', import.meta.url));

async function startPeer(kind: Exclude<ServerKind, 'parley'>): Promise<BenchServer> {
  const dataDir =
    kind === 'y-websocket-leveldb' ? mkdtempSync(join(tmpdir(), 'parley-peer-')) : null;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', peerEntry, kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...(dataDir !== null ? { YPERSISTENCE: dataDir } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /^LISTENING (\d+)$/m.exec(out);
      if (match !== null) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`${kind} server exited (${code}): ${out}`)));
  });
  const base = `ws://127.0.0.1:${port}`;
  return {
    name: serverNames[kind],
    seed: templateSeed,
    pid: child.pid,
    async rooms(tag, count, perRoom) {
      return Array.from({ length: count }, (_, r) =>
        Array.from({ length: perRoom }, (): Seat => {
          const name = `${tag}-${r}`;
          return kind === 'hocuspocus'
            ? { url: base, wire: hocuspocusWire(name, 'bench') }
            : { url: `${base}/${name}`, wire: plainWire };
        }),
      );
    },
    async stop() {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
      if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function startServer(kind: ServerKind): Promise<BenchServer> {
  return kind === 'parley' ? startParley() : startPeer(kind);
}
