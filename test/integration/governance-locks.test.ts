// Locked clauses and single-text mode against writers: refused writes are never applied, stored or
// relayed, stock clients are brought back, and locks survive a restart on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { exportTermSheet, getClauseBody, getClauseMap, setParam } from '@parley/shared/room';
import type { Ack } from '@parley/shared/protocol';
import {
  connectCollab,
  connectSocket,
  emitWithAck,
  invite,
  roomWithEveryRole,
  startServer,
  tempDataDir,
} from './helpers';
import type { CollabClient, ParleyClientSocket, RoomWithMembers, StartedServer } from './helpers';

// Locks and single-text mode at the collab endpoint, against clients that write anyway.

process.setMaxListeners(100);

const until = <T>(check: () => T | Promise<T>) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

let server: StartedServer;
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await server?.close();
});

function provider(roomId: string, token: string): CollabClient {
  const c = connectCollab(server.collabUrl, roomId, token);
  cleanups.push(() => c.destroy());
  return c;
}

async function socket(token: string): Promise<ParleyClientSocket> {
  const s = await connectSocket(server.url, token);
  cleanups.push(() => {
    s.close();
  });
  return s;
}

function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

async function storedDoc(roomId: string): Promise<Y.Doc> {
  const load = await server.server.store.loadDoc(roomId);
  const doc = new Y.Doc();
  if (load.snapshot) Y.applyUpdate(doc, load.snapshot);
  for (const update of load.updates) Y.applyUpdate(doc, update.data);
  return doc;
}

/** Adds a paragraph with `text` at the start of a clause body. */
function typeInto(doc: Y.Doc, clauseId: string, text: string): void {
  const body = getClauseBody(doc, clauseId);
  if (body === undefined) throw new Error(`no clause ${clauseId}`);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  body.insert(0, [paragraph]);
}

function bodyText(doc: Y.Doc, clauseId: string): string {
  return getClauseBody(doc, clauseId)?.toString() ?? '';
}

/**
 * A hand-rolled y-websocket client: it syncs like the stock one, then sends whatever updates the
 * test gives it and records the auth (permission-denied) reasons the server sends back.
 */
async function rawClient(roomId: string, token: string) {
  const doc = new Y.Doc();
  const denied: string[] = [];
  const ws = new WebSocket(`${server.collabUrl}/${roomId}?token=${token}`);
  ws.binaryType = 'nodebuffer';
  cleanups.push(() => ws.close());
  let synced = false;
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
      if (kind === syncProtocol.messageYjsSyncStep2) synced = true;
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
    } else if (type === 2) {
      decoding.readVarUint(decoder);
      denied.push(decoding.readVarString(decoder));
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const hello = encoding.createEncoder();
  encoding.writeVarUint(hello, 0);
  syncProtocol.writeSyncStep1(hello, doc);
  ws.send(encoding.toUint8Array(hello));
  await until(() => expect(synced).toBe(true));
  return {
    doc,
    denied,
    send(update: Uint8Array) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      ws.send(encoding.toUint8Array(encoder));
    },
  };
}

/** The update an edit of a copy of `doc` makes, without changing `doc`. */
function editOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

async function lockedRoom(clauseId: string): Promise<RoomWithMembers> {
  const room = await roomWithEveryRole(server.url, 'insurer');
  const mediator = await socket(room.tokens.mediator);
  ok(await emitWithAck(mediator, 'mediation:lock', { clauseId }));
  return room;
}

describe('a locked clause', () => {
  it('refuses a raw client that writes to it anyway: not applied, stored or relayed', async () => {
    const room = await lockedRoom('c-sharing');
    const watcher = provider(room.roomId, room.tokens.observer);
    await watcher.synced;
    const serverDoc = await server.server.rooms.getDoc(room.roomId);
    const truth = exportTermSheet(serverDoc);
    const offender = await rawClient(room.roomId, room.tokens.negotiator);

    // Text typed into the body, a new title, a changed parameter: one update each.
    offender.send(editOf(offender.doc, (d) => typeInto(d, 'c-sharing', 'MINE NOW')));
    offender.send(editOf(offender.doc, (d) => getClauseMap(d, 'c-sharing')!.set('title', 'Ours')));
    offender.send(
      editOf(offender.doc, (d) => setParam(d, 'c-sharing', ['method'], 'proportional')),
    );
    await until(() => expect(offender.denied.length).toBe(3));
    for (const reason of offender.denied) expect(reason).toMatch(/^clause-locked: /);

    // A write elsewhere still goes through, and shows that the watcher is listening.
    offender.send(editOf(offender.doc, (d) => typeInto(d, 'c-term', 'allowed')));
    await until(() => expect(bodyText(watcher.doc, 'c-term')).toContain('allowed'));

    const expected = { ...(truth as object) };
    for (const doc of [serverDoc, watcher.doc, await storedDoc(room.roomId)]) {
      const sheet = exportTermSheet(doc) as { clauses: { id: string }[] };
      const sharing = sheet.clauses.find((c) => c.id === 'c-sharing');
      const before = (expected as { clauses: { id: string }[] }).clauses.find(
        (c) => c.id === 'c-sharing',
      );
      expect(sharing).toEqual(before);
      expect(bodyText(doc, 'c-sharing')).not.toContain('MINE NOW');
    }
  });

  it('brings a stock provider that edited it locally back to the true state', async () => {
    const room = await lockedRoom('c-sharing');
    const watcher = provider(room.roomId, room.tokens.organizer);
    const offender = provider(room.roomId, room.tokens.negotiator);
    await Promise.all([watcher.synced, offender.synced]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warn.mockRestore());
    const truth = exportTermSheet(await server.server.rooms.getDoc(room.roomId));

    // Several keystrokes in a row, as a client that ignores the lock would send them.
    for (const text of ['one', 'two', 'three']) typeInto(offender.doc, 'c-sharing', text);
    await until(() => expect(exportTermSheet(offender.doc)).toEqual(truth));
    expect(bodyText(offender.doc, 'c-sharing')).not.toMatch(/one|two|three/);
    // The provider was told why (the stock one logs it).
    await until(() =>
      expect(warn.mock.calls.flat().join(' ')).toMatch(/clause-locked: Clause c-sharing is locked/),
    );

    // The same provider keeps working on unlocked clauses.
    typeInto(offender.doc, 'c-term', 'still editing');
    await until(() => {
      expect(bodyText(watcher.doc, 'c-term')).toContain('still editing');
      expect(exportTermSheet(offender.doc)).toEqual(exportTermSheet(watcher.doc));
    });
    expect(bodyText(watcher.doc, 'c-sharing')).not.toMatch(/one|two|three/);
    const stored = await storedDoc(room.roomId);
    expect(exportTermSheet(stored)).toEqual(exportTermSheet(watcher.doc));

    // Once unlocked, the clause takes edits again (from a client that rebuilt its document,
    // as the refusal tells it to).
    const mediator = await socket(room.tokens.mediator);
    ok(await emitWithAck(mediator, 'mediation:unlock', { clauseId: 'c-sharing' }));
    const rebuilt = provider(room.roomId, room.tokens.negotiator);
    await rebuilt.synced;
    expect(exportTermSheet(rebuilt.doc)).toEqual(exportTermSheet(watcher.doc));
    typeInto(rebuilt.doc, 'c-sharing', 'agreed wording');
    await until(() => expect(bodyText(watcher.doc, 'c-sharing')).toContain('agreed wording'));
  });

  it('also refuses the mediator, and a server-side change still goes through', async () => {
    const room = await lockedRoom('c-caps');
    const mediator = await rawClient(room.roomId, room.tokens.mediator);
    mediator.send(editOf(mediator.doc, (d) => typeInto(d, 'c-caps', 'mediator text')));
    await until(() => expect(mediator.denied).toHaveLength(1));
    await server.server.rooms.applyServerChange(
      room.roomId,
      (doc) => typeInto(doc, 'c-caps', 'applied by the server'),
      { memberId: room.memberIds.mediator },
    );
    const watcher = provider(room.roomId, room.tokens.viewer);
    await watcher.synced;
    expect(bodyText(watcher.doc, 'c-caps')).toContain('applied by the server');
    expect(bodyText(watcher.doc, 'c-caps')).not.toContain('mediator text');
  });
});

describe('single-text mode', () => {
  it("accepts only the mediator's writes and tells the others why", async () => {
    const room = await roomWithEveryRole(server.url, 'insurer');
    const mediatorSocket = await socket(room.tokens.mediator);
    ok(await emitWithAck(mediatorSocket, 'mediation:mode', { mode: 'single-text' }));
    const csp = await invite(server.url, room.roomId, room.organizers.csp!, {
      name: 'Carl',
      role: 'negotiator',
      party: 'csp',
    });
    const watcher = provider(room.roomId, room.tokens.observer);
    await watcher.synced;
    for (const token of [room.tokens.organizer, room.tokens.negotiator, csp.token]) {
      const writer = await rawClient(room.roomId, token);
      writer.send(editOf(writer.doc, (d) => typeInto(d, 'c-term', 'party text')));
      await until(() => expect(writer.denied).toHaveLength(1));
      expect(writer.denied[0]).toMatch(/^single-text-mode: .*only the mediator edits/);
    }
    // Read-only roles keep their own refusal.
    const viewer = await rawClient(room.roomId, room.tokens.viewer);
    viewer.send(editOf(viewer.doc, (d) => typeInto(d, 'c-term', 'viewer text')));
    await until(() => expect(viewer.denied[0]).toMatch(/^read-only/));

    const mediator = provider(room.roomId, room.tokens.mediator);
    await mediator.synced;
    typeInto(mediator.doc, 'c-term', 'the single text');
    await until(() => expect(bodyText(watcher.doc, 'c-term')).toContain('the single text'));
    expect(bodyText(watcher.doc, 'c-term')).not.toContain('party text');

    ok(await emitWithAck(mediatorSocket, 'mediation:mode', { mode: 'normal' }));
    const organizer = await rawClient(room.roomId, room.tokens.organizer);
    organizer.send(editOf(organizer.doc, (d) => typeInto(d, 'c-term', 'back to normal')));
    await until(() => expect(bodyText(watcher.doc, 'c-term')).toContain('back to normal'));
    expect(organizer.denied).toEqual([]);
  });
});

describe('locks on PostgreSQL', () => {
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

  it('survive a restart and keep refusing writes', async () => {
    const name = `parley_locks_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };
    // The same data dir keeps the signing secret, so the tokens stay valid across the restart.
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startServer({ env, dataDir });
    const room = await roomWithEveryRole(first.url, 'insurer');
    const mediator = await connectSocket(first.url, room.tokens.mediator);
    ok(await emitWithAck(mediator, 'mediation:lock', { clauseId: 'c-exit' }));
    mediator.close();
    await first.close();

    const second = await startServer({ env, dataDir });
    cleanups.push(() => second.close());
    const reader = await connectSocket(second.url, room.tokens.viewer);
    cleanups.push(() => {
      reader.close();
    });
    const state = ok(
      await emitWithAck<{ state: { locks: string[] } }>(reader, 'mediation:state', {}),
    );
    expect(state.state.locks).toEqual(['c-exit']);
    const before = bodyText(await second.server.rooms.getDoc(room.roomId), 'c-exit');
    const c = connectCollab(second.collabUrl, room.roomId, room.tokens.negotiator);
    cleanups.push(() => c.destroy());
    await c.synced;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warn.mockRestore());
    typeInto(c.doc, 'c-exit', 'sneaky');
    await until(() => expect(bodyText(c.doc, 'c-exit')).toBe(before));
    expect(bodyText(await second.server.rooms.getDoc(room.roomId), 'c-exit')).toBe(before);
  });
});
