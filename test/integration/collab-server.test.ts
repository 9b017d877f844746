// /collab on the full server: stock providers converge with each other and the store, hostile
// clients are closed while the room carries on, and storage holds on PostgreSQL and after kill -9.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  NOTES_START,
  connectCollab,
  createNotesRoom,
  invite,
  notesLog,
  notesText,
  seatParty,
  request,
  setNotesTitle,
  spawnServer,
  startServer,
  tempDataDir,
} from './helpers';
import type { CollabClient, SpawnedServer, StartedServer } from './helpers';

// The collab endpoint as users meet it: the real server, real signed tokens, REST-created rooms.

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
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

async function started(options: Parameters<typeof startServer>[0] = {}): Promise<StartedServer> {
  const server = await startServer(options);
  cleanups.push(() => server.close());
  return server;
}

function client(collabUrl: string, roomId: string, token: string | null): CollabClient {
  const c = connectCollab(collabUrl, roomId, token);
  cleanups.push(() => c.destroy());
  return c;
}

async function storedDoc(server: StartedServer, roomId: string): Promise<Y.Doc> {
  const load = await server.server.store.loadDoc(roomId);
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
    assumptions: doc.getMap('assumptions').toJSON(),
  };
}

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

async function negotiators(server: StartedServer, count: number) {
  const room = await createNotesRoom(server.baseUrl);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    // The organizer's own party (the insurer leads the template): its organizer seats them all.
    const created = await invite(server.baseUrl, room.roomId, room.organizerToken, {
      name: `Negotiator ${i}`,
      role: 'negotiator',
      party: 'insurer',
    });
    tokens.push(created.token);
  }
  return { room, tokens };
}

describe('/collab on the real server', () => {
  it('stock providers load the template room and converge with each other and the store', async () => {
    const server = await started();
    const { room, tokens } = await negotiators(server, 1);
    const a = client(server.collabUrl, room.roomId, room.organizerToken);
    const b = client(server.collabUrl, room.roomId, tokens[0]!);
    await Promise.all([a.synced, b.synced]);
    expect(a.doc.getArray('clauseOrder').length).toBeGreaterThan(0);
    a.doc.getMap('meta').set('title', 'RPM pilot, revised');
    notesText(b.doc).insert(0, 'Device maker wants a floor');
    await until(() => {
      expect(b.doc.getMap('meta').get('title')).toBe('RPM pilot, revised');
      expect(notesText(a.doc).toString()).toBe(`Device maker wants a floor${NOTES_START}`);
    });
    expect(content(await storedDoc(server, room.roomId))).toEqual(content(a.doc));
    const exported = await request<{ title: string }>(
      server.baseUrl,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.organizerToken },
    );
    expect(exported.body.title).toBe('RPM pilot, revised');
    const metrics = await request<string>(server.baseUrl, 'GET', '/metrics');
    expect(metrics.body).toMatch(/^parley_collab_connections \d+/m);
    expect(metrics.body).toMatch(/^parley_collab_updates_stored_total [1-9]/m);
    expect(metrics.body).toMatch(/^parley_collab_store_append_seconds_count [1-9]/m);
  });

  it('20 clients with seeded random concurrent edits converge to the stored state', async () => {
    const server = await started();
    const { room, tokens } = await negotiators(server, 20);
    const clients = tokens.map((token) => client(server.collabUrl, room.roomId, token));
    await Promise.all(clients.map((c) => c.synced));
    const random = mulberry32(42);
    for (let round = 0; round < 8; round++) {
      for (const [i, c] of clients.entries()) {
        const text = notesText(c.doc);
        const roll = random();
        if (roll < 0.45) text.insert(Math.floor(random() * (text.length + 1)), `${i}.${round} `);
        else if (roll < 0.6 && text.length > 0) {
          const at = Math.floor(random() * text.length);
          text.delete(at, Math.min(4, text.length - at));
        } else if (roll < 0.8) notesLog(c.doc).push([`${i}-${round}`]);
        else setNotesTitle(c.doc, `Title by ${i} in ${round}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(
      () => {
        const expected = content(clients[0]!.doc);
        for (const c of clients) expect(content(c.doc)).toEqual(expected);
      },
      { timeout: 30_000, interval: 100 },
    );
    await until(async () =>
      expect(content(await storedDoc(server, room.roomId))).toEqual(content(clients[0]!.doc)),
    );
  });

  it('refuses bad credentials at the upgrade and disconnects a revoked invite at once', async () => {
    const server = await started();
    const room = await createNotesRoom(server.baseUrl);
    // A colleague of the organizer's own party: only a party's organizers revoke its members.
    const guest = await invite(server.baseUrl, room.roomId, room.organizerToken, {
      name: 'Guest',
      role: 'negotiator',
      party: 'insurer',
    });
    const a = client(server.collabUrl, room.roomId, room.organizerToken);
    const g = client(server.collabUrl, room.roomId, guest.token);
    await Promise.all([a.synced, g.synced]);

    const base = `${server.collabUrl}/${room.roomId}`;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?token=not-a-token`)).toBe(401);
    expect(await upgradeStatus(`${server.collabUrl}/nosuchroom?token=${guest.token}`)).toBe(404);
    expect(
      await upgradeStatus(`${base}?token=${guest.token}`, { Origin: 'https://evil.example' }),
    ).toBe(403);

    const revoked = await request(
      server.baseUrl,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/${guest.id}`,
      { token: room.organizerToken },
    );
    expect(revoked.status).toBeLessThan(300);
    await until(() => expect(g.closes.map((c) => c.code)).toContain(4403));
    expect(await upgradeStatus(`${base}?token=${guest.token}`)).toBe(403);

    // The organizer never lost the connection and still syncs.
    const other = client(server.collabUrl, room.roomId, room.organizerToken);
    await other.synced;
    notesLog(a.doc).push(['still here']);
    await until(() => expect(notesLog(other.doc).toArray()).toContain('still here'));
    expect(a.closes).toEqual([]);
  });

  it('drops a viewer’s writes and tells it through the auth message', async () => {
    const server = await started();
    const room = await createNotesRoom(server.baseUrl);
    const viewer = await invite(server.baseUrl, room.roomId, room.organizerToken, {
      name: 'Vic Viewer',
      role: 'viewer',
      party: 'insurer',
    });
    const organizer = client(server.collabUrl, room.roomId, room.organizerToken);
    const reader = client(server.collabUrl, room.roomId, viewer.token);
    const denials: string[] = [];
    reader.provider.messageHandlers[2] = (_encoder, decoder) => {
      decoder.pos = decoder.arr.length;
      denials.push('denied');
    };
    await Promise.all([organizer.synced, reader.synced]);
    const title = organizer.doc.getMap('meta').get('title');
    reader.doc.getMap('meta').set('title', 'Viewer was here');
    await until(() => expect(denials).toEqual(['denied']));
    notesLog(organizer.doc).push(['after the attempt']);
    await until(() => expect(notesLog(reader.doc).toArray()).toContain('after the attempt'));
    expect(organizer.doc.getMap('meta').get('title')).toBe(title);
    expect((await storedDoc(server, room.roomId)).getMap('meta').get('title')).toBe(title);
  });

  it('unloads an idle room and reloads it from the store', async () => {
    const server = await started({ roomLimits: { idleUnloadMs: 100 } });
    const room = await createNotesRoom(server.baseUrl);
    const first = client(server.collabUrl, room.roomId, room.organizerToken);
    await first.synced;
    notesText(first.doc).insert(0, 'survives unloading');
    await until(async () =>
      expect(notesText(await storedDoc(server, room.roomId)).toString()).toBe(
        `survives unloading${NOTES_START}`,
      ),
    );
    first.destroy();
    await until(() => expect(server.server.rooms.stats().roomsLoaded).toBe(0));
    const second = client(server.collabUrl, room.roomId, room.organizerToken);
    await second.synced;
    expect(notesText(second.doc).toString()).toBe(`survives unloading${NOTES_START}`);
  });
});

/** Opens a raw socket, sends `frames`, and resolves with the close code the server chose. */
async function hostileCloseCode(url: string, frames: (Uint8Array | string)[]): Promise<number> {
  const ws = new WebSocket(url);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  for (const frame of frames) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  return closed;
}

function awarenessFrame(clientId: number, state: unknown, clock = 1): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

describe('/collab against hostile input', () => {
  it('closes each offender with a clear code while the process and the room carry on', async () => {
    const server = await spawnServer();
    cleanups.push(async () => {
      server.kill('SIGKILL');
      await server.exited;
      rmSync(server.dataDir, { recursive: true, force: true });
    });
    const room = await createNotesRoom(server.baseUrl);
    const guest = await invite(server.baseUrl, room.roomId, room.organizerToken, {
      name: 'Guest',
      role: 'negotiator',
      party: 'insurer',
    });
    const a = client(server.collabUrl, room.roomId, room.organizerToken);
    const b = client(server.collabUrl, room.roomId, guest.token);
    await Promise.all([a.synced, b.synced]);
    const url = `${server.collabUrl}/${room.roomId}?token=${guest.token}`;

    const valid = new Y.Doc();
    valid.getArray('log').push(['hostile but valid']);
    const update = Y.encodeStateAsUpdate(valid);
    const broken = Uint8Array.from(update);
    broken[Math.floor(broken.length / 2)] = 0xff;
    const updateFrame = (bytes: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, bytes);
      return encoding.toUint8Array(encoder);
    };
    const codes = {
      oversized: await hostileCloseCode(url, [new Uint8Array(2 * 1024 * 1024 + 1)]),
      unknownType: await hostileCloseCode(url, [Uint8Array.from([42, 0])]),
      brokenVarint: await hostileCloseCode(url, [new Uint8Array(12).fill(0xff)]),
      garbageUpdate: await hostileCloseCode(url, [updateFrame(Uint8Array.from([9, 9, 9, 9]))]),
      truncated: await hostileCloseCode(url, [updateFrame(update).slice(0, 6)]),
      textFrame: await hostileCloseCode(url, ['{"type":"sync"}']),
      flood: await hostileCloseCode(
        url,
        Array.from({ length: 600 }, () => Uint8Array.from([3])),
      ),
    };
    expect(codes).toEqual({
      oversized: 1009,
      unknownType: 4400,
      brokenVarint: 4400,
      garbageUpdate: 4400,
      truncated: 4400,
      textFrame: 4400,
      flood: 1008,
    });
    // A one-byte corruption of a real update is either refused whole or applied whole.
    const corrupted = await Promise.race([
      hostileCloseCode(url, [updateFrame(broken)]),
      new Promise<number>((resolve) => setTimeout(() => resolve(0), 500)),
    ]);
    expect([0, 4400]).toContain(corrupted);

    expect(server.child.exitCode).toBeNull();
    expect((await request(server.baseUrl, 'GET', '/healthz')).status).toBe(200);
    expect([a.closes, b.closes]).toEqual([[], []]);
    notesLog(a.doc).push(['after the attacks']);
    await until(() => expect(notesLog(b.doc).toArray()).toContain('after the attacks'));
  });

  it('presence carries the token’s identity, whatever the client claims', async () => {
    const server = await started();
    const room = await createNotesRoom(server.baseUrl);
    // Mallory speaks for the CSP, seated by the creator with its organizer.
    const csp = await seatParty(server.baseUrl, room.roomId, room.organizerToken, 'csp');
    const mallory = await invite(server.baseUrl, room.roomId, csp, {
      name: 'Mallory',
      role: 'negotiator',
      party: 'csp',
    });
    const organizer = client(server.collabUrl, room.roomId, room.organizerToken);
    await organizer.synced;
    organizer.provider.awareness.setLocalStateField('user', { name: 'Olga' });
    const url = `${server.collabUrl}/${room.roomId}?token=${mallory.token}`;
    const ws = new WebSocket(url);
    cleanups.push(() => ws.terminate());
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    // Mallory claims to be the organizer, on her own client id and on the organizer's.
    ws.send(
      awarenessFrame(777, { user: { name: 'The Organizer', role: 'organizer', color: '#fff' } }),
    );
    ws.send(
      awarenessFrame(organizer.doc.clientID, { user: { name: 'Olga', text: 'I accept' } }, 99),
    );
    await until(() =>
      expect(organizer.provider.awareness.getStates().get(777)).toMatchObject({
        user: { name: 'Mallory', role: 'negotiator', party: 'csp' },
      }),
    );
    const own = organizer.provider.awareness.getStates().get(organizer.doc.clientID) as {
      user: { name: string; text?: string };
    };
    expect(own.user).toEqual({ name: 'Olga' });
    ws.close();
    await until(() => expect(organizer.provider.awareness.getStates().has(777)).toBe(false));
  });
});

describe('/collab on PostgreSQL', () => {
  const adminUrl =
    process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

  async function admin(statement: string): Promise<void> {
    const connection = new pg.Client({ connectionString: adminUrl });
    await connection.connect();
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
  }

  it('stores, compacts, unloads and reloads the same way as on SQLite', async () => {
    const name = `parley_collab_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const server = await started({
      env: { DATABASE_URL: url.toString() },
      roomLimits: { compactThreshold: 10, idleUnloadMs: 200 },
    });
    const { room, tokens } = await negotiators(server, 4);
    const clients = tokens.map((token) => client(server.collabUrl, room.roomId, token));
    await Promise.all(clients.map((c) => c.synced));
    const random = mulberry32(5);
    for (let round = 0; round < 10; round++) {
      for (const [i, c] of clients.entries()) {
        const text = notesText(c.doc);
        text.insert(Math.floor(random() * (text.length + 1)), `${i}.${round} `);
        notesLog(c.doc).push([`${i}-${round}`]);
      }
    }
    await until(() => {
      const expected = content(clients[0]!.doc);
      for (const c of clients) expect(content(c.doc)).toEqual(expected);
    });
    const final = content(clients[0]!.doc);
    await until(async () => expect(content(await storedDoc(server, room.roomId))).toEqual(final));
    expect((await server.server.store.loadDoc(room.roomId)).snapshotSeq).toBeGreaterThan(0);

    for (const c of clients) c.destroy();
    await until(() => expect(server.server.rooms.stats().roomsLoaded).toBe(0));
    const again = client(server.collabUrl, room.roomId, room.organizerToken);
    await again.synced;
    expect(content(again.doc)).toEqual(final);
  });
});

describe('/collab durability', () => {
  it('after kill -9, every edit one client saw from the other is still stored', async () => {
    const dataDir = tempDataDir();
    let server: SpawnedServer = await spawnServer({ dataDir });
    cleanups.push(async () => {
      server.kill('SIGKILL');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    });
    const room = await createNotesRoom(server.baseUrl);
    const guest = await invite(server.baseUrl, room.roomId, room.organizerToken, {
      name: 'Guest',
      role: 'negotiator',
      party: 'insurer',
    });
    const a = connectCollab(server.collabUrl, room.roomId, room.organizerToken);
    const b = connectCollab(server.collabUrl, room.roomId, guest.token);
    await Promise.all([a.synced, b.synced]);
    let i = 0;
    const typing = setInterval(() => {
      notesLog(a.doc).push([`a${i}`]);
      notesLog(b.doc).push([`b${i}`]);
      i++;
    }, 3);
    await until(() => {
      expect(
        notesLog(a.doc)
          .toArray()
          .filter((e) => e.startsWith('b')).length,
      ).toBeGreaterThan(50);
    });
    server.kill('SIGKILL');
    await server.exited;
    clearInterval(typing);
    // What each client had received from the other when the server died.
    const aSawFromB = notesLog(a.doc)
      .toArray()
      .filter((e) => e.startsWith('b'));
    const bSawFromA = notesLog(b.doc)
      .toArray()
      .filter((e) => e.startsWith('a'));
    // Their own copies must not help the restarted server: they go away first.
    a.destroy();
    b.destroy();

    server = await spawnServer({ dataDir });
    const reader = client(server.collabUrl, room.roomId, room.organizerToken);
    await reader.synced;
    const stored = new Set(notesLog(reader.doc).toArray());
    expect(aSawFromB.length + bSawFromA.length).toBeGreaterThan(50);
    expect(aSawFromB.filter((e) => !stored.has(e))).toEqual([]);
    expect(bSawFromA.filter((e) => !stored.has(e))).toEqual([]);
  });
});
