// The limits a real product has, tried as an abuser would with stock clients and plain HTTP: each
// is refused with its error code, and the room's other members carry on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { jsonToY } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { ConfigError, loadConfig } from '@parley/server';
import {
  collect,
  connectCollab,
  connectSocket,
  createRoom,
  emitWithAck,
  invite,
  request,
  seatParties,
  startServer,
  tempDataDir,
} from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { createNotesRoom, notesLog, notesText } from './helpers/notes';

const until = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 10_000, interval: 25 });
type ErrorBody = { error: { code: string; message: string; retryAfterMs?: number } };

const servers: StartedServer[] = [];
const clients: CollabClient[] = [];
const sockets: ParleyClientSocket[] = [];
const refusals: string[] = [];

async function started(options: Parameters<typeof startServer>[0] = {}): Promise<StartedServer> {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

beforeAll(() => {
  // The stock y-websocket client reports the server's refusals as warnings.
  vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
    refusals.push(String(message));
  });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.close();
  refusals.length = 0;
});

afterAll(async () => {
  for (const server of servers.splice(0)) await server.close();
  vi.restoreAllMocks();
});

async function editor(server: StartedServer, roomId: string, token: string): Promise<CollabClient> {
  const client = connectCollab(server.collabUrl, roomId, token);
  clients.push(client);
  await client.synced;
  return client;
}

/** A notes room with two negotiators of different parties, each with a live document. */
async function notesRoom(server: StartedServer) {
  const room = await createNotesRoom(server.url);
  const organizers = await seatParties(server.url, room.roomId, room.organizerToken);
  const [first, second] = Object.entries(organizers);
  const a = await invite(server.url, room.roomId, first![1], {
    name: 'Ada',
    role: 'negotiator',
    party: first![0],
  });
  const b = await invite(server.url, room.roomId, second![1], {
    name: 'Ben',
    role: 'negotiator',
    party: second![0],
  });
  return {
    roomId: room.roomId,
    tokens: { a: a.token, b: b.token },
    a: await editor(server, room.roomId, a.token),
    b: await editor(server, room.roomId, b.token),
  };
}

/** Both editors converge on a fresh edit of the other's: the room carries on. */
async function expectRoomCarriesOn(room: Awaited<ReturnType<typeof notesRoom>>): Promise<void> {
  const mark = ` still-here-${Math.random().toString(36).slice(2, 8)}`;
  notesText(room.b.doc).insert(notesText(room.b.doc).length, mark);
  await until(() => expect(notesText(room.a.doc).toString()).toContain(mark));
}

function oversizedSheet(): TermSheet {
  const sheet = structuredClone(templates.mhealth) as TermSheet;
  sheet.assumptions.periods = 600;
  const base = sheet.assumptions.scenarios[0]!;
  sheet.assumptions.scenarios = Array.from({ length: 20 }, (_, i) => ({
    ...structuredClone(base),
    id: `s${i}`,
    name: `Scenario ${i}`,
  }));
  return sheet;
}

describe('the size of a term sheet', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await started();
  });

  it('refuses an oversized import with sheet-too-large naming the limit, and stores nothing', async () => {
    const answer = await request<ErrorBody>(server.url, 'POST', '/api/rooms', {
      body: { title: 'Too big', termsheet: oversizedSheet() },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('sheet-too-large');
    expect(answer.body.error.message).toContain(
      '600 periods × 20 scenarios = 12,000; at most 1,200 are allowed',
    );
  });

  it('refuses a live write that makes the sheet too large, and the room carries on', async () => {
    const room = await notesRoom(server);
    const streams = (room.a.doc.getMap('clauses').get('c-revenue') as Y.Map<unknown>).get(
      'params',
    ) as Y.Map<unknown>;
    const list = streams.get('streams') as Y.Array<unknown>;
    const before = list.length;
    room.a.doc.transact(() => {
      for (let i = list.length; i <= 50; i++) {
        list.push([
          jsonToY({ id: `extra${i}`, name: `Extra ${i}`, driver: 'members', unitPrice: 100 }),
        ]);
      }
    });
    await until(() => expect(refusals.join('\n')).toContain('sheet-too-large'));
    expect(refusals.join('\n')).toContain('51 revenue streams; at most 50');
    await until(() => {
      const streamsOf = (doc: Y.Doc) =>
        (
          (
            (doc.getMap('clauses').get('c-revenue') as Y.Map<unknown>).get(
              'params',
            ) as Y.Map<unknown>
          ).get('streams') as Y.Array<unknown>
        ).length;
      expect(streamsOf(room.b.doc)).toBe(before);
    });
    await expectRoomCarriesOn(room);
  });

  it('refuses clause text over the limit', async () => {
    const room = await notesRoom(server);
    notesText(room.a.doc).insert(0, 'x'.repeat(20_001));
    await until(() => expect(refusals.join('\n')).toContain('sheet-too-large'));
    expect(refusals.join('\n')).toContain("A clause's text holds at most 20,000 characters");
    await expectRoomCarriesOn(room);
    expect(notesText(room.b.doc).length).toBeLessThan(20_000);
  });
});

describe('the size of a room and the rate of its changes', () => {
  it('refuses a write that would make the document bigger than the cap', async () => {
    const server = await started({ serverOptions: { maxDocBytes: 96 * 1024 } });
    const room = await notesRoom(server);
    for (let i = 0; i < 8; i++) notesLog(room.a.doc).push([`${i}:${'y'.repeat(16 * 1024)}`]);
    await until(() => expect(refusals.join('\n')).toContain('document-too-large'));
    expect(refusals.join('\n')).toContain('a room holds at most 96 KiB');
    await expectRoomCarriesOn(room);
    // What was accepted is all the other member has; nothing over the cap got through.
    expect(notesLog(room.b.doc).length).toBeLessThan(8);
  });

  it("refuses a member's changes beyond their rate, and lets the others' through", async () => {
    const server = await started({
      productionRateLimits: true,
      serverOptions: { writeRateLimit: { burst: 20, perMinute: 60 } },
    });
    const room = await notesRoom(server);
    for (let i = 0; i < 40; i++) notesLog(room.a.doc).push([`flood ${i}`]);
    await until(() => expect(refusals.join('\n')).toContain('rate-limited'));
    expect(refusals.join('\n')).toContain('faster than 60 changes a minute');
    await expectRoomCarriesOn(room);
    await until(() => expect(notesLog(room.b.doc).length).toBe(20));
  });

  it('closes a connection whose updates wait for predecessors it never sends', async () => {
    const server = await started();
    const room = await notesRoom(server);
    // A copy of the room under another client id: its first change is withheld, and the
    // second, which needs it, is sent alone and large.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(room.a.doc));
    notesText(forger).insert(0, 'a');
    const withheld: Uint8Array[] = [];
    forger.on('update', (update: Uint8Array) => withheld.push(update));
    notesText(forger).insert(1, 'z'.repeat(300 * 1024));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 0); // sync
    encoding.writeVarUint(message, 2); // update
    encoding.writeVarUint8Array(message, withheld[0]!);
    const ws = new WebSocket(`${server.collabUrl}/${room.roomId}?token=${room.tokens.a}`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(encoding.toUint8Array(message));
    expect(await closed).toMatchObject({
      code: 4400,
      reason: expect.stringContaining('wait for earlier changes that never arrived'),
    });
    await expectRoomCarriesOn(room);
  });
});

describe('connections and presence per member', () => {
  let server: StartedServer;
  let roomId: string;
  let token: string;
  beforeAll(async () => {
    server = await started();
    const room = await createRoom(server.url, { title: 'Presence', template: 'mhealth' });
    roomId = room.roomId;
    token = room.organizerToken;
  });

  function rawCollab(): Promise<WebSocket | { status: number; code: string }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`${server.collabUrl}/${roomId}?token=${token}`);
      ws.on('open', () => resolve(ws));
      ws.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            code: (JSON.parse(body) as ErrorBody).error.code,
          }),
        );
      });
      ws.on('error', () => undefined);
    });
  }

  it('lets a member hold 8 live document connections and refuses a 9th', async () => {
    const open: WebSocket[] = [];
    for (let i = 0; i < 8; i++) {
      const ws = await rawCollab();
      expect(ws).toBeInstanceOf(WebSocket);
      open.push(ws as WebSocket);
    }
    expect(await rawCollab()).toEqual({ status: 429, code: 'too-many-connections' });
    open.pop()!.close();
    await until(async () => {
      const again = await rawCollab();
      expect(again).toBeInstanceOf(WebSocket);
      open.push(again as WebSocket);
    });
    for (const ws of open) ws.close();
  });

  it('lets a member hold 8 Socket.IO connections and refuses a 9th', async () => {
    for (let i = 0; i < 8; i++) sockets.push(await connectSocket(server.url, token));
    const refused = await connectSocket(server.url, token).then(
      (socket) => {
        socket.close();
        return 'accepted';
      },
      (error: Error & { data?: { code?: string } }) => error.data?.code,
    );
    expect(refused).toBe('too-many-connections');
  });

  it('relays presence for at most 2 client ids per connection and closes on an oversized state', async () => {
    const ws = (await rawCollab()) as WebSocket;
    const awareness = (ids: number[], size: number) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, ids.length);
      for (const id of ids) {
        encoding.writeVarUint(update, id);
        encoding.writeVarUint(update, 1);
        encoding.writeVarString(update, JSON.stringify({ pad: 'p'.repeat(size) }));
      }
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, 1); // awareness
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      return encoding.toUint8Array(message);
    };
    ws.send(awareness([101, 102, 103, 104, 105], 1000));
    const newcomer = connectCollab(server.collabUrl, roomId, token);
    clients.push(newcomer);
    await newcomer.synced;
    await until(() => {
      // The newcomer's own id is random; the raw connection's are 101 to 105.
      const ids = [...newcomer.provider.awareness.getStates().keys()].filter(
        (id) => id > 100 && id < 200,
      );
      expect(ids.sort()).toEqual([101, 102]);
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send(awareness([101], 5000));
    expect(await closed).toBe(1008);
  });

  it('rate-limits focus moves, which every member would otherwise receive', async () => {
    const mover = await connectSocket(server.url, token);
    const watcher = await connectSocket(server.url, token);
    sockets.push(mover, watcher);
    const states = collect(watcher, 'presence:state');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        emitWithAck(mover, 'presence:focus', { clauseId: i % 2 === 0 ? 'c-term' : null }),
      ),
    );
    const limited = answers.filter((a) => !a.ok && a.error.code === 'rate-limited');
    expect(limited.length).toBeGreaterThanOrEqual(150);
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(25);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(states.length).toBeLessThanOrEqual(30);
  });
});

describe('room creation', () => {
  it('needs the creation token when the server says so', async () => {
    const creationToken = 'c'.repeat(40);
    const server = await started({
      env: { ROOM_CREATION: 'token', ROOM_CREATION_TOKEN: creationToken },
    });
    const create = (token?: string) =>
      request<ErrorBody>(server.url, 'POST', '/api/rooms', {
        body: { title: 'Room', template: 'mhealth' },
        ...(token ? { token } : {}),
      });
    expect(await create()).toMatchObject({
      status: 401,
      body: { error: { code: 'creation-token-required' } },
    });
    expect(await create('x'.repeat(40))).toMatchObject({
      status: 403,
      body: { error: { code: 'creation-token-invalid' } },
    });
    expect((await create(creationToken)).status).toBe(201);
  });

  it('limits the rooms one address creates, and says when to try again', async () => {
    const server = await started({ productionRateLimits: true });
    const statuses: number[] = [];
    let last: ErrorBody | null = null;
    for (let i = 0; i < 11; i++) {
      const answer = await request<ErrorBody>(server.url, 'POST', '/api/rooms', {
        body: { title: `Room ${i}`, template: 'mhealth' },
      });
      statuses.push(answer.status);
      last = answer.body;
    }
    expect(statuses).toEqual([...Array.from({ length: 10 }, () => 201), 429]);
    expect(last?.error.code).toBe('rate-limited');
    expect(last?.error.retryAfterMs).toBeGreaterThan(60_000);
  });

  it('lets ROOM_CREATION_PER_HOUR set the rate: 3 an hour allows one at once', async () => {
    const server = await started({
      productionRateLimits: true,
      env: { ROOM_CREATION_PER_HOUR: '3' },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) {
      const answer = await request(server.url, 'POST', '/api/rooms', {
        body: { title: `Room ${i}`, template: 'mhealth' },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([201, 429]);
  });
});

describe('hardening', () => {
  it('sends security headers on every answer', async () => {
    const server = await started();
    for (const path of ['/', '/api/templates', '/api/rooms/nope/me', '/healthz']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toContain(
        "frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('protects /metrics with METRICS_TOKEN when one is set', async () => {
    const server = await started({ env: { METRICS_TOKEN: 'm'.repeat(24) } });
    expect((await request<ErrorBody>(server.url, 'GET', '/metrics')).status).toBe(401);
    const answer = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${'m'.repeat(24)}` },
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('parley_');
  });

  it('answers an over-long room id in the standard error shape', async () => {
    const server = await started();
    for (const path of [
      `/api/rooms/${'x'.repeat(5000)}/me`,
      `/api/rooms/${'y'.repeat(200)}/value`,
    ]) {
      const answer = await request<ErrorBody>(server.url, 'GET', path, { token: 'whatever' });
      expect(answer.status).toBe(414);
      expect(answer.body.error.code).toBe('id-too-long');
    }
  });

  it('refuses to start with a secret file shorter than 32 bytes', () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'secret'), 'short\n');
    expect(() => loadConfig({ DATA_DIR: dataDir })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir })).toThrow(
      /holds 5 bytes; a secret needs at least 32/,
    );
  });
});

describe('the value of a room', () => {
  it('answers whole or as totals, computed on engine threads that survive a crash', async () => {
    const server = await started();
    const room = await createRoom(server.url, { title: 'Value', template: 'telematics' });
    const value = (query = '') =>
      request<{ scenarios: { id: string; periods: unknown[]; totals: object }[] } & ErrorBody>(
        server.url,
        'GET',
        `/api/rooms/${room.roomId}/value${query}`,
        { token: room.organizerToken },
      );
    const full = await value();
    expect(full.status).toBe(200);
    const periods = templates.telematics.assumptions.periods;
    expect(full.body.scenarios.every((s) => s.periods.length === periods)).toBe(true);
    const first = full.body.scenarios[0]!;
    const totals = await value(`?view=totals&scenario=${first.id}`);
    expect(totals.body.scenarios).toEqual([{ ...first, periods: [] }]);
    expect((await value('?scenario=nope')).body.error.code).toBe('unknown-scenario');
    expect((await value('?view=everything')).status).toBe(400);
    // A dying engine thread fails only what it was running; the next computation succeeds.
    await server.server.engine.terminateThreads();
    const doc = connectCollab(server.collabUrl, room.roomId, room.organizerToken);
    clients.push(doc);
    await doc.synced;
    (
      (doc.doc.getMap('clauses').get('c-scope') as Y.Map<unknown>).get('params') as Y.Map<unknown>
    ).set('territory', 'Everywhere');
    await until(async () => {
      const again = await value();
      expect(again.status).toBe(200);
      expect(again.body.scenarios).toEqual(full.body.scenarios);
    });
  });
});
