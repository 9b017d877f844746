// What /collab guarantees: convergence, refusals with clear close codes, read-only roles, presence
// identity, dead connections dropped, and rooms unloaded, compacted and reloaded without loss.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createLogger } from '../../server/src/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { attachCollab } from '../../server/src/collab';
import type { CollabHandle, CollabLimits } from '../../server/src/collab';
import { createRoomRuntime } from '../../server/src/rooms';
import type { RoomHook, RoomRuntime } from '../../server/src/rooms';
import { touchedClausesHook } from '../../server/src/rooms/builtin';
import { createStore } from '../../server/src/store';
import type { MemberClaims } from '@parley/shared/protocol';
import type { Store } from '../../server/src/store';
import type { Role } from '@parley/shared/permissions';

// The endpoint on its own: a plain HTTP server, the real SQLite store, and a token table in place
// of signed tokens, so tests can break the store on purpose and see exactly what reaches it.

interface Harness {
  url: string;
  store: Store;
  collab: CollabHandle;
  rooms: RoomRuntime;
  /** Rooms loaded and open connections. */
  stats(): { roomsLoaded: number; connections: number };
  createRoom(roomId?: string): Promise<string>;
  invite(roomId: string, role: Role, name?: string, party?: string | null): string;
  revoke(token: string): void;
  close(): Promise<void>;
}

const harnesses: Harness[] = [];
const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const harness of harnesses.splice(0)) await harness.close();
});

// Each y-websocket provider adds a process 'exit' listener; twenty of them are expected here.
process.setMaxListeners(100);

/** vi.waitFor with room for a busy machine: the default one-second budget is too tight there. */
function until<T>(
  check: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20, ...options });
}

let roomCounter = 0;

async function startHarness(
  options: {
    limits?: CollabLimits & { idleUnloadMs?: number; compactThreshold?: number };
    /** Room hooks besides attribution. */
    hooks?: RoomHook[];
    wrapStore?: (store: Store) => Store;
    /** Awaited at the start of every authentication, to hold upgrades in flight. */
    beforeAuth?: () => Promise<void>;
  } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-collab-'));
  const realStore = createStore({ kind: 'sqlite', dataDir });
  await realStore.migrate();
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const members = new Map<string, MemberClaims>();
  const revoked = new Set<string>();
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const { idleUnloadMs = 60_000, compactThreshold, ...limits } = options.limits ?? {};
  const logger = createLogger('silent');
  const rooms = createRoomRuntime({
    store,
    logger,
    idleUnloadMs,
    ...(compactThreshold === undefined ? {} : { compactThreshold }),
  });
  rooms.register([touchedClausesHook(), ...(options.hooks ?? [])]);
  const collab = attachCollab({
    server,
    rooms,
    logger,
    limits,
    authenticate: async (roomId, token, origin) => {
      await options.beforeAuth?.();
      if (origin !== undefined && origin !== 'http://allowed.example') {
        return { ok: false, status: 403, code: 'origin-not-allowed', message: 'bad origin' };
      }
      if (token === null)
        return { ok: false, status: 401, code: 'unauthorized', message: 'no token' };
      const member = members.get(token);
      if (member === undefined) {
        return { ok: false, status: 401, code: 'unauthorized', message: 'bad token' };
      }
      if ((await realStore.getRoom(roomId)) === undefined) {
        return { ok: false, status: 404, code: 'room-not-found', message: 'no room' };
      }
      if (revoked.has(token))
        return { ok: false, status: 403, code: 'revoked', message: 'revoked' };
      return { ok: true, member };
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let tokenCounter = 0;
  const harness: Harness = {
    url: `ws://127.0.0.1:${port}/collab`,
    store,
    collab,
    rooms,
    stats: () => ({ roomsLoaded: rooms.stats().roomsLoaded, connections: collab.connections() }),
    async createRoom(roomId = `room-${++roomCounter}`) {
      const doc = new Y.Doc();
      doc.getMap('meta').set('title', 'Remote patient monitoring');
      const parties = new Y.Array<Y.Map<string>>();
      doc.getMap('meta').set('parties', parties);
      for (const id of ['csp', 'insurer']) {
        const party = new Y.Map<string>();
        party.set('id', id);
        parties.push([party]);
      }
      const clause = new Y.Map<unknown>();
      doc.getMap('clauses').set('c-1', clause);
      clause.set('id', 'c-1');
      clause.set('params', new Y.Map());
      doc.getArray('clauseOrder').push(['c-1']);
      await realStore.createRoom(
        { id: roomId, title: 'Room', createdAt: Date.now() },
        Y.encodeStateAsUpdate(doc),
        {
          id: `org-${roomId}`,
          roomId,
          name: 'Olga Organizer',
          role: 'organizer',
          partyId: 'csp',
          createdAt: Date.now(),
          revokedAt: null,
        },
      );
      return roomId;
    },
    invite(roomId, role, name = `${role} ${++tokenCounter}`, party = 'csp') {
      const token = `token-${++tokenCounter}-${Math.random().toString(36).slice(2)}`;
      members.set(token, {
        memberId: `m-${tokenCounter}`,
        roomId,
        role,
        partyId: party,
        name,
      });
      return token;
    },
    revoke(token) {
      revoked.add(token);
    },
    async close() {
      await collab.close();
      await rooms.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await realStore.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  harnesses.push(harness);
  return harness;
}

function connectProvider(harness: Harness, roomId: string, token: string): WebsocketProvider {
  const provider = new WebsocketProvider(harness.url, roomId, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  cleanups.push(() => {
    provider.destroy();
    provider.doc.destroy();
  });
  return provider;
}

async function synced(provider: WebsocketProvider): Promise<void> {
  await until(() => expect(provider.synced).toBe(true), { timeout: 10_000 });
}

async function storedDoc(store: Store, roomId: string): Promise<Y.Doc> {
  const load = await store.loadDoc(roomId);
  const doc = new Y.Doc();
  if (load.snapshot) Y.applyUpdate(doc, load.snapshot);
  for (const update of load.updates) Y.applyUpdate(doc, update.data);
  return doc;
}

function content(doc: Y.Doc): unknown {
  return {
    meta: doc.getMap('meta').toJSON(),
    clauses: doc.getMap('clauses').toJSON(),
    order: doc.getArray('clauseOrder').toJSON(),
    notes: doc.getText('notes').toString(),
    list: doc.getArray('list').toJSON(),
  };
}

/** A protocol-level client: raw frames in, decoded frames out. */
interface RawClient {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  doc: Y.Doc;
}

async function connectRaw(harness: Harness, roomId: string, token: string): Promise<RawClient> {
  const ws = new WebSocket(`${harness.url}/${roomId}?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'nodebuffer';
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => {
    const message = new Uint8Array(data);
    messages.push(message);
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) === 0) {
      const encoder = encoding.createEncoder();
      syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  cleanups.push(() => ws.terminate());
  return { ws, messages, closed, doc };
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Status code of a refused upgrade. */
async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', () => undefined);
  });
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutateOneByte(bytes: Uint8Array, random: () => number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
  return copy;
}

/** Two synced writers in one room, the control group every refusal test checks afterwards. */
async function pairInRoom(harness: Harness, roomId: string) {
  const a = connectProvider(harness, roomId, harness.invite(roomId, 'negotiator', 'Ann'));
  const b = connectProvider(harness, roomId, harness.invite(roomId, 'negotiator', 'Ben'));
  await Promise.all([synced(a), synced(b)]);
  for (const provider of [a, b]) {
    provider.on('status', ({ status }) => {
      if (status === 'disconnected') dropped.add(provider);
    });
  }
  return { a, b };
}

/** Providers of pairInRoom that lost their connection at some point. */
const dropped = new Set<WebsocketProvider>();

async function stillSyncing(a: WebsocketProvider, b: WebsocketProvider, marker: string) {
  a.doc.getArray('list').push([marker]);
  await until(() => expect(b.doc.getArray('list').toArray()).toContain(marker), {
    timeout: 5_000,
  });
  expect(a.wsconnected && b.wsconnected).toBe(true);
  expect(dropped.has(a) || dropped.has(b)).toBe(false);
}

describe('/collab sync', () => {
  it('stock WebsocketProvider clients converge and the store holds what they see', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    expect(a.doc.getMap('meta').get('title')).toBe('Remote patient monitoring');

    a.doc.getText('notes').insert(0, 'Floor of 20k per quarter');
    b.doc.getMap('meta').set('title', 'RPM pilot');
    await until(() => {
      expect(b.doc.getText('notes').toString()).toBe('Floor of 20k per quarter');
      expect(a.doc.getMap('meta').get('title')).toBe('RPM pilot');
    });
    const stored = await storedDoc(harness.store, roomId);
    expect(content(stored)).toEqual(content(a.doc));
  });

  it('20 clients making seeded random concurrent edits converge to the stored state', async () => {
    const harness = await startHarness({ limits: { compactThreshold: 50 } });
    const roomId = await harness.createRoom();
    const clients = Array.from({ length: 20 }, (_, i) =>
      connectProvider(harness, roomId, harness.invite(roomId, 'negotiator', `Client ${i}`)),
    );
    await Promise.all(clients.map(synced));
    const random = mulberry32(20261125);
    for (let round = 0; round < 10; round++) {
      for (const [i, client] of clients.entries()) {
        const text = client.doc.getText('notes');
        const roll = random();
        if (roll < 0.5) text.insert(Math.floor(random() * (text.length + 1)), `${i}:${round} `);
        else if (roll < 0.7 && text.length > 0) {
          const at = Math.floor(random() * text.length);
          text.delete(at, Math.min(3, text.length - at));
        } else if (roll < 0.85) client.doc.getArray('list').push([`${i}-${round}`]);
        else client.doc.getMap('meta').set(`k${Math.floor(random() * 5)}`, `${i}-${round}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(
      () => {
        const expected = content(clients[0]!.doc);
        for (const client of clients) expect(content(client.doc)).toEqual(expected);
      },
      { timeout: 20_000, interval: 100 },
    );
    const stored = await storedDoc(harness.store, roomId);
    expect(content(stored)).toEqual(content(clients[0]!.doc));
    // Compaction ran along the way without dropping anything.
    expect((await harness.store.loadDoc(roomId)).snapshotSeq).toBeGreaterThan(0);
  });

  it('attributes stored updates to the member and the clauses they touched', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const since = Date.now();
    const token = harness.invite(roomId, 'negotiator', 'Ann');
    const provider = connectProvider(harness, roomId, token);
    await synced(provider);
    const clause = provider.doc.getMap('clauses').get('c-1') as Y.Map<unknown>;
    (clause.get('params') as Y.Map<unknown>).set('floor', 2000000);
    await until(async () => {
      const changes = await harness.store.listClauseChanges(roomId, since);
      expect(changes).toEqual([
        expect.objectContaining({ clauseId: 'c-1', memberId: expect.any(String) }),
      ]);
    });
  });

  it('runs afterStore hooks with the document the store holds once an edit is durable', async () => {
    const seen: Record<number, number>[] = [];
    const harness = await startHarness({
      hooks: [
        {
          name: 'record-stored',
          afterStore(room) {
            if (room.id === roomId) {
              seen.push(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(room.doc))));
            }
          },
        },
      ],
    });
    const roomId = await harness.createRoom();
    const provider = connectProvider(harness, roomId, harness.invite(roomId, 'negotiator'));
    await synced(provider);
    provider.doc.getText('notes').insert(0, 'abc');
    const clock = Y.getState(provider.doc.store, provider.doc.clientID);
    await until(() => expect(seen.at(-1)?.[provider.doc.clientID]).toBe(clock));
  });
});

describe('/collab refusals', () => {
  it('refuses missing, bad and revoked tokens, unknown rooms and foreign origins at the upgrade', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const good = harness.invite(roomId, 'negotiator');
    const revoked = harness.invite(roomId, 'negotiator');
    harness.revoke(revoked);

    expect(await upgradeStatus(`${harness.url}/${roomId}`)).toBe(401);
    expect(await upgradeStatus(`${harness.url}/${roomId}?token=nope`)).toBe(401);
    expect(await upgradeStatus(`${harness.url}/${roomId}?token=${revoked}`)).toBe(403);
    expect(await upgradeStatus(`${harness.url}/no-such-room?token=${good}`)).toBe(404);
    expect(await upgradeStatus(`${harness.url}/bad%2Froom?token=${good}`)).toBe(404);
    expect(
      await upgradeStatus(`${harness.url}/${roomId}?token=${good}`, {
        Origin: 'http://evil.example',
      }),
    ).toBe(403);
    // The token names another room than the path.
    const otherRoom = await harness.createRoom();
    expect(await upgradeStatus(`${harness.url}/${otherRoom}?token=${good}`)).toBe(403);
    // Nothing of the refused room was loaded.
    expect(harness.stats()).toEqual({ roomsLoaded: 1, connections: 2 });
    await stillSyncing(a, b, 'after refusals');
  });

  it('disconnects a revoked member at once and keeps the others syncing', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const token = harness.invite(roomId, 'negotiator', 'Mallory');
    const client = await connectRaw(harness, roomId, token);
    const memberId = 'm-' + token.split('-')[1];
    harness.revoke(token);
    harness.collab.disconnectMember(roomId, memberId);
    expect((await client.closed).code).toBe(4403);
    await stillSyncing(a, b, 'after revocation');
  });

  it('a revocation that lands while the member is still authenticating reaches that connection', async () => {
    let hold = false;
    let held: (() => void) | null = null;
    const harness = await startHarness({
      beforeAuth: () =>
        hold ? new Promise<void>((resolve) => (held = resolve)) : Promise.resolve(),
    });
    const roomId = await harness.createRoom();
    const token = harness.invite(roomId, 'negotiator', 'Mallory');
    const memberId = 'm-' + token.split('-')[1];
    hold = true;
    const pending = connectRaw(harness, roomId, token);
    await until(() => expect(held).not.toBeNull());
    harness.collab.disconnectMember(roomId, memberId);
    held!();
    const client = await pending;
    expect((await client.closed).code).toBe(4403);
    expect(client.messages).toEqual([]);
  });

  it('closes an oversized message with 1009 and keeps the room', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    client.ws.send(new Uint8Array(2 * 1024 * 1024 + 1));
    expect((await client.closed).code).toBe(1009);
    await stillSyncing(a, b, 'after oversized');
  });

  it.each([
    ['an unknown message type', Uint8Array.from([99, 1, 2])],
    [
      'a broken varint',
      Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ],
    ['a truncated sync message', Uint8Array.from([0, 2, 50, 1, 2])],
    ['garbage in place of an update', Uint8Array.from([0, 2, 6, 1, 200, 5, 9, 9, 9])],
    ['an unknown sync step', Uint8Array.from([0, 7, 0])],
    ['awareness that is not JSON', Uint8Array.from([1, 5, 1, 7, 1, 1, 123])],
  ])('closes a connection sending %s with 4400, room unharmed', async (_name, frame) => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const before = content(await storedDoc(harness.store, roomId));
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    client.ws.send(frame);
    expect((await client.closed).code).toBe(4400);
    await stillSyncing(a, b, 'after malformed');
    const after = content(await storedDoc(harness.store, roomId)) as { list: string[] };
    expect({ ...after, list: [] }).toEqual({ ...(before as object), list: [] });
  });

  it('survives mutated and random updates: offenders are closed, nothing half-applied', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const source = new Y.Doc();
    source.getText('notes').insert(0, 'a genuine edit with some length to it');
    source.getArray('list').push(['x', { y: 1 }]);
    source.getMap('meta').set('fuzz', 'value');
    const valid = Y.encodeStateAsUpdate(source);
    const random = mulberry32(7);
    const codes = new Map<number, number>();
    for (let i = 0; i < 90; i++) {
      const update =
        i % 3 === 0
          ? Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
              Math.floor(random() * 256),
            )
          : mutateOneByte(valid, random);
      const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
      client.ws.send(syncUpdateFrame(update));
      // Either refused (4400) or accepted as a valid update; then a clean close.
      const settled = await Promise.race([
        client.closed,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 50)),
      ]);
      const code = settled?.code ?? 0;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      client.ws.terminate();
    }
    expect([...codes.keys()].every((code) => code === 0 || code === 4400)).toBe(true);
    expect(codes.get(4400)).toBeGreaterThan(0);
    await stillSyncing(a, b, 'after fuzzing');
    // Whatever was accepted is stored exactly as the live clients see it.
    await until(async () =>
      expect(content(await storedDoc(harness.store, roomId))).toEqual(content(a.doc)),
    );
  });

  it('closes a connection that sends more bytes than the byte rate allows with 1008', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    // Valid sync step 1 messages (empty state vector) carrying 1.5 MiB of trailing bytes each.
    const frame = new Uint8Array(1.5 * 1024 * 1024);
    frame.set([0, 0, 1, 0]);
    for (let i = 0; i < 4; i++) client.ws.send(frame);
    expect((await client.closed).code).toBe(1008);
    await stillSyncing(a, b, 'after byte flood');
  });

  it('closes a connection whose presence state is oversized with 1008', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'x' }, junk: 'x'.repeat(100_000) });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
    );
    awareness.destroy();
    client.ws.send(encoding.toUint8Array(encoder));
    expect((await client.closed).code).toBe(1008);
    expect(a.awareness.getStates().has(awareness.clientID)).toBe(false);
    await stillSyncing(a, b, 'after oversized presence');
  });

  it('closes a text frame with 4400', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    client.ws.send('hello');
    expect((await client.closed).code).toBe(4400);
  });

  it('closes a connection that floods past the rate limit with 1008', async () => {
    const harness = await startHarness({ limits: { rateLimitPerSecond: 10, rateLimitBurst: 20 } });
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    for (let i = 0; i < 50; i++) client.ws.send(syncStep1Frame(client.doc));
    expect((await client.closed).code).toBe(1008);
    await stillSyncing(a, b, 'after flood');
  });
});

describe('/collab read-only roles', () => {
  it.each(['viewer', 'observer'] as const)(
    'a %s gets the document, its writes are dropped and it is told once',
    async (role) => {
      const harness = await startHarness();
      const roomId = await harness.createRoom();
      const { a, b } = await pairInRoom(harness, roomId);
      const reader = connectProvider(harness, roomId, harness.invite(roomId, role));
      const denials: string[] = [];
      reader.messageHandlers[2] = (_encoder, decoder) => {
        decoding.readVarUint(decoder);
        denials.push(decoding.readVarString(decoder));
      };
      await synced(reader);
      expect(reader.doc.getMap('meta').get('title')).toBe('Remote patient monitoring');
      reader.doc.getMap('meta').set('title', 'Hijacked');
      reader.doc.getText('notes').insert(0, 'not allowed');
      await until(() => expect(denials).toHaveLength(1));
      expect(denials[0]).toMatch(/read-only/);
      // Writers' edits still reach the reader.
      await stillSyncing(a, b, 'writers still write');
      await until(() =>
        expect(reader.doc.getArray('list').toArray()).toContain('writers still write'),
      );
      expect(a.doc.getMap('meta').get('title')).toBe('Remote patient monitoring');
      const stored = await storedDoc(harness.store, roomId);
      expect(stored.getMap('meta').get('title')).toBe('Remote patient monitoring');
      expect(stored.getText('notes').toString()).toBe('');
      expect(denials).toHaveLength(1);
    },
  );

  it('a viewer reconnecting with deletions already known is not told off', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const { a } = await pairInRoom(harness, roomId);
    a.doc.getText('notes').insert(0, 'draft text');
    a.doc.getText('notes').delete(0, 6);
    const viewerToken = harness.invite(roomId, 'viewer');
    const first = connectProvider(harness, roomId, viewerToken);
    await until(() => expect(first.doc.getText('notes').toString()).toBe('text'));
    // Reconnect with the same document: its sync answer carries the known delete set.
    first.disconnect();
    const denials: string[] = [];
    first.messageHandlers[2] = () => denials.push('denied');
    first.connect();
    await until(() => expect(first.synced && first.wsconnected).toBe(true));
    await stillSyncing(a, first, 'after viewer reconnect');
    expect(denials).toEqual([]);
  });
});

describe('/collab awareness', () => {
  it('overwrites identity from the token and ignores states for other clients', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const victim = connectProvider(
      harness,
      roomId,
      harness.invite(roomId, 'negotiator', 'Vera', 'insurer'),
    );
    const watcher = connectProvider(
      harness,
      roomId,
      harness.invite(roomId, 'viewer', 'Walt', null),
    );
    await Promise.all([synced(victim), synced(watcher)]);
    victim.awareness.setLocalStateField('user', { name: 'Vera', color: '#000' });
    await until(() => expect(watcher.awareness.getStates().get(victim.doc.clientID)).toBeDefined());

    const attacker = await connectRaw(
      harness,
      roomId,
      harness.invite(roomId, 'negotiator', 'Mallory', 'csp'),
    );
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.setLocalState({
      user: { name: 'Olga Organizer', role: 'organizer', color: '#fff' },
      cursor: 1,
    });
    const ownUpdate = awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID]);
    // Also try to speak for the victim's client id.
    const spoof = new awarenessProtocol.Awareness(new Y.Doc());
    spoof.clientID = victim.doc.clientID;
    spoof.setLocalState({ user: { name: 'Vera', color: '#000' }, text: 'I concede everything' });
    spoof.meta.set(victim.doc.clientID, { clock: 1000, lastUpdated: Date.now() });
    spoof.setLocalState({ user: { name: 'Vera', color: '#000' }, text: 'I concede everything' });
    for (const update of [
      ownUpdate,
      awarenessProtocol.encodeAwarenessUpdate(spoof, [victim.doc.clientID]),
    ]) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, update);
      attacker.ws.send(encoding.toUint8Array(encoder));
    }
    await until(() => {
      const state = watcher.awareness.getStates().get(fake.clientID) as
        { user: Record<string, unknown>; cursor: number } | undefined;
      expect(state?.user).toMatchObject({ name: 'Mallory', role: 'negotiator', party: 'csp' });
      expect(state?.cursor).toBe(1);
    });
    const victimState = watcher.awareness.getStates().get(victim.doc.clientID) as {
      user: Record<string, unknown>;
      text?: string;
    };
    expect(victimState.text).toBeUndefined();
    expect(victimState.user).toMatchObject({ name: 'Vera', party: 'insurer', role: 'negotiator' });
    expect(victimState.user.color).not.toBe('#000');

    // Closing a connection removes its presence for everyone.
    attacker.ws.close();
    await until(() => expect(watcher.awareness.getStates().has(fake.clientID)).toBe(false));
  });
});

describe('/collab connection health', () => {
  it('drops a connection that stops answering pings and clears its presence', async () => {
    const harness = await startHarness({ limits: { heartbeatMs: 100 } });
    const roomId = await harness.createRoom();
    const watcher = connectProvider(harness, roomId, harness.invite(roomId, 'viewer'));
    await synced(watcher);
    const ghost = connectProvider(harness, roomId, harness.invite(roomId, 'negotiator', 'Ghost'));
    await synced(ghost);
    ghost.awareness.setLocalStateField('user', { name: 'Ghost' });
    await until(() => expect(watcher.awareness.getStates().has(ghost.doc.clientID)).toBe(true));
    // A network that silently died: the socket stays open but nothing is read any more.
    (ghost.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await until(() => expect(harness.stats().connections).toBe(1), { timeout: 5_000 });
    await until(() => expect(watcher.awareness.getStates().has(ghost.doc.clientID)).toBe(false));
  });

  it('lets a member reconnect under the same awareness id before the old socket is gone', async () => {
    const harness = await startHarness();
    const roomId = await harness.createRoom();
    const token = harness.invite(roomId, 'negotiator', 'Ann');
    const watcher = connectProvider(harness, roomId, harness.invite(roomId, 'viewer'));
    const first = await connectRaw(harness, roomId, token);
    const second = await connectRaw(harness, roomId, token);
    const send = (client: RawClient, cursor: number) => {
      const awareness = new awarenessProtocol.Awareness(new Y.Doc());
      awareness.clientID = 4242;
      awareness.meta.set(4242, { clock: cursor, lastUpdated: Date.now() });
      awareness.setLocalState({ cursor });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [4242]),
      );
      client.ws.send(encoding.toUint8Array(encoder));
      awareness.destroy();
    };
    await synced(watcher);
    send(first, 1);
    await until(() => expect(watcher.awareness.getStates().get(4242)).toMatchObject({ cursor: 1 }));
    send(second, 5);
    await until(() => expect(watcher.awareness.getStates().get(4242)).toMatchObject({ cursor: 5 }));
    // The stale socket going away does not erase the state the new one now owns.
    first.ws.close();
    await first.closed;
    await until(() => expect(harness.stats().connections).toBe(2));
    expect(watcher.awareness.getStates().get(4242)).toMatchObject({ cursor: 5 });
  });
});

describe('/collab persistence', () => {
  it('unloads an idle room after its last client leaves and reloads it intact', async () => {
    const harness = await startHarness({ limits: { idleUnloadMs: 100 } });
    const roomId = await harness.createRoom();
    const token = harness.invite(roomId, 'negotiator');
    const first = connectProvider(harness, roomId, token);
    await synced(first);
    first.doc.getText('notes').insert(0, 'kept across unload');
    await until(async () =>
      expect((await storedDoc(harness.store, roomId)).getText('notes').toString()).toBe(
        'kept across unload',
      ),
    );
    first.destroy();
    await until(() => expect(harness.stats()).toEqual({ roomsLoaded: 0, connections: 0 }));
    // Unloading folded the updates into a snapshot.
    expect((await harness.store.loadDoc(roomId)).updates).toEqual([]);
    const second = connectProvider(harness, roomId, token);
    await synced(second);
    expect(second.doc.getText('notes').toString()).toBe('kept across unload');
    expect(harness.stats().roomsLoaded).toBe(1);
  });

  it('compacts past the threshold without losing updates appended meanwhile', async () => {
    const harness = await startHarness({ limits: { compactThreshold: 5 } });
    const roomId = await harness.createRoom();
    const { a, b } = await pairInRoom(harness, roomId);
    for (let i = 0; i < 23; i++) {
      (i % 2 === 0 ? a : b).doc.getArray('list').push([`item ${i}`]);
    }
    await until(() => expect(b.doc.getArray('list').length).toBe(23));
    await until(async () => {
      const load = await harness.store.loadDoc(roomId);
      expect(load.snapshotSeq).toBeGreaterThan(0);
      expect(load.updates.length).toBeLessThan(5);
      expect(content(await storedDoc(harness.store, roomId))).toEqual(content(a.doc));
    });
  });

  it('loads a room once for clients arriving together, before any of them is synced', async () => {
    let loads = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const harness = await startHarness({
      wrapStore: (store) => ({
        ...store,
        loadDoc: async (roomId) => {
          loads++;
          await gate;
          return store.loadDoc(roomId);
        },
      }),
    });
    const roomId = await harness.createRoom();
    const clients = await Promise.all(
      Array.from({ length: 5 }, () =>
        connectRaw(harness, roomId, harness.invite(roomId, 'negotiator')),
      ),
    );
    for (const client of clients) client.ws.send(syncStep1Frame(client.doc));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(clients.map((c) => c.messages.length)).toEqual([0, 0, 0, 0, 0]);
    release();
    await until(() => {
      for (const client of clients) {
        expect(client.doc.getMap('meta').get('title')).toBe('Remote patient monitoring');
      }
    });
    expect(loads).toBe(1);
  });

  it('refuses the connection when the room cannot be loaded, sending nothing and writing nothing', async () => {
    let failLoads = true;
    const appended: unknown[] = [];
    const harness = await startHarness({
      wrapStore: (store) => ({
        ...store,
        loadDoc: async (roomId) => {
          if (failLoads) throw new Error('disk unavailable');
          return store.loadDoc(roomId);
        },
        appendUpdate: async (update) => {
          appended.push(update);
          return store.appendUpdate(update);
        },
        compact: async (...args) => {
          appended.push(args);
          return store.compact(...args);
        },
      }),
    });
    const roomId = await harness.createRoom();
    const client = await connectRaw(harness, roomId, harness.invite(roomId, 'negotiator'));
    client.doc.getText('notes').insert(0, 'would overwrite');
    client.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(client.doc)));
    expect((await client.closed).code).toBe(4503);
    expect(client.messages).toEqual([]);
    expect(appended).toEqual([]);
    expect(harness.stats().roomsLoaded).toBe(0);

    failLoads = false;
    const provider = connectProvider(harness, roomId, harness.invite(roomId, 'negotiator'));
    await synced(provider);
    expect(provider.doc.getMap('meta').get('title')).toBe('Remote patient monitoring');
  });

  it('never relays an update the store refused, and resyncs after reconnecting', async () => {
    let failNext = false;
    const harness = await startHarness({
      wrapStore: (store) => ({
        ...store,
        appendUpdate: async (update) => {
          if (failNext) {
            failNext = false;
            throw new Error('disk full');
          }
          return store.appendUpdate(update);
        },
      }),
    });
    const roomId = await harness.createRoom();
    const watcher = await connectRaw(harness, roomId, harness.invite(roomId, 'viewer'));
    watcher.ws.send(syncStep1Frame(watcher.doc));
    const writer = connectProvider(harness, roomId, harness.invite(roomId, 'negotiator'));
    await synced(writer);
    await until(() =>
      expect(watcher.doc.getMap('meta').get('title')).toBe('Remote patient monitoring'),
    );
    failNext = true;
    writer.doc.getText('notes').insert(0, 'unsaved at first');
    expect((await watcher.closed).code).toBe(4500);
    expect(watcher.doc.getText('notes').toString()).toBe('');
    // The writer's provider reconnects by itself and hands its edit over again.
    await until(
      async () =>
        expect((await storedDoc(harness.store, roomId)).getText('notes').toString()).toBe(
          'unsaved at first',
        ),
      { timeout: 15_000 },
    );
  });
});
