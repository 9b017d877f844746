// The sheet's write rules against a hostile stock y-websocket client: whatever a negotiator writes
// into its copy of the document, what the server stores keeps the term sheet's layout, its header
// and its structure; an organizer may change the header but not break a reference.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DOC_ROOTS, exportTermSheet } from '@parley/shared/room';
import { validateTermSheet } from '@parley/shared/termsheet';
import { connectCollab, createRoom, invite, seatParty, startServer } from './helpers';
import type { CollabClient, StartedServer } from './helpers';

let server: StartedServer;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await server?.close();
});

function connect(roomId: string, token: string): CollabClient {
  const client = connectCollab(server.collabUrl, roomId, token);
  clients.push(client);
  return client;
}

async function storedDoc(roomId: string): Promise<Y.Doc> {
  await server.server.rooms.hold(roomId, () => undefined);
  const load = await server.server.store.loadDoc(roomId);
  const doc = new Y.Doc();
  if (load.snapshot) Y.applyUpdate(doc, load.snapshot);
  for (const update of load.updates) Y.applyUpdate(doc, update.data);
  return doc;
}

const STRUCTURAL = [
  'invalid-field',
  'missing-field',
  'unknown-clause-kind',
  'too-many-parties',
  'duplicate-id',
  'unknown-party',
  'unknown-driver',
  'unknown-stream',
  'duplicate-clause-kind',
  'amount-too-large',
];

function structuralErrors(doc: Y.Doc): string[] {
  return validateTermSheet(exportTermSheet(doc))
    .issues.filter((i) => i.severity === 'error' && STRUCTURAL.includes(i.code))
    .map((i) => `${i.code} at ${i.path}: ${i.message}`);
}

/** Waits until the server has taken in (or refused) everything the client sent. */
async function settled(client: CollabClient, roomId: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 60));
  await server.server.rooms.hold(roomId, () => undefined);
  expect(client.provider.wsconnected).toBe(true);
}

// What a hostile client may try, each as a function of its own copy of the document.
const json = fc.jsonValue({ maxDepth: 2 });
const anyKey = fc.constantFrom('title', 'currency', 'parties', 'ecosystem', 'evil', 'format');
const clauseId = fc.constantFrom('c-revenue', 'c-sharing', 'c-costs', 'c-scope', 'c-term', 'c-new');
const paramKey = fc.constantFrom('streams', 'fixed', 'method', 'costs', 'territory', 'x');

type Attack = { name: string; run: (doc: Y.Doc) => void };

const attack: fc.Arbitrary<Attack> = fc.oneof(
  fc.record({ key: anyKey, value: json }).map(({ key, value }) => ({
    name: `meta.${key} = ${JSON.stringify(value)}`,
    run: (doc: Y.Doc) => doc.getMap('meta').set(key, value),
  })),
  fc.nat({ max: 3 }).map((index) => ({
    name: `delete party ${index}`,
    run: (doc: Y.Doc) => {
      const parties = doc.getMap('meta').get('parties');
      if (parties instanceof Y.Array && parties.length > index) parties.delete(index, 1);
    },
  })),
  fc.record({ root: fc.string({ minLength: 1, maxLength: 8 }), value: json }).map((a) => ({
    name: `root ${a.root}`,
    run: (doc: Y.Doc) => doc.getMap(`x-${a.root}`).set('v', a.value),
  })),
  fc.record({ clause: clauseId, key: paramKey, value: json }).map((a) => ({
    name: `${a.clause}.params.${a.key} = ${JSON.stringify(a.value)}`,
    run: (doc: Y.Doc) => {
      const clause = doc.getMap('clauses').get(a.clause);
      if (!(clause instanceof Y.Map)) return;
      const params = clause.get('params');
      if (params instanceof Y.Map) params.set(a.key, a.value);
    },
  })),
  fc
    .record({ clause: clauseId, field: fc.constantFrom('kind', 'id', 'extra'), value: json })
    .map((a) => ({
      name: `${a.clause}.${a.field} = ${JSON.stringify(a.value)}`,
      run: (doc: Y.Doc) => {
        const clause = doc.getMap('clauses').get(a.clause);
        if (clause instanceof Y.Map) clause.set(a.field, a.value);
      },
    })),
  fc.record({ id: fc.constantFrom('c-x', 'c-rev2'), kind: json }).map((a) => ({
    name: `add clause ${a.id} of kind ${JSON.stringify(a.kind)}`,
    run: (doc: Y.Doc) => {
      const clause = new Y.Map<unknown>();
      doc.getMap('clauses').set(a.id, clause);
      clause.set('id', a.id);
      clause.set('kind', a.kind);
      clause.set('params', new Y.Map());
      doc.getArray('clauseOrder').push([a.id]);
    },
  })),
  fc
    .record({ scenario: fc.nat({ max: 2 }), key: fc.constantFrom('members', 'zz'), value: json })
    .map((a) => ({
      name: `scenario ${a.scenario} driver ${a.key} = ${JSON.stringify(a.value)}`,
      run: (doc: Y.Doc) => {
        const scenarios = doc.getMap('assumptions').get('scenarios');
        if (!(scenarios instanceof Y.Array)) return;
        const scenario = scenarios.get(a.scenario);
        if (!(scenario instanceof Y.Map)) return;
        const drivers = scenario.get('drivers');
        if (drivers instanceof Y.Map) drivers.set(a.key, a.value);
      },
    })),
);

describe('sheet rules against a hostile negotiator', () => {
  it('never let a write break the stored sheet, its layout or its header', async () => {
    const room = await createRoom(server.url);
    const csp = await seatParty(server.url, room.roomId, room.organizerToken, 'csp');
    const hostile = await invite(server.url, room.roomId, csp, {
      name: 'Mallory',
      role: 'negotiator',
      party: 'csp',
    });
    const before = await storedDoc(room.roomId);
    const header = before.getMap('meta').toJSON();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fc.assert(
      fc.asyncProperty(fc.array(attack, { minLength: 1, maxLength: 6 }), async (attacks) => {
        const client = connect(room.roomId, hostile.token);
        await client.synced;
        for (const { run } of attacks) client.doc.transact(() => run(client.doc));
        await settled(client, room.roomId);
        client.destroy();
        const stored = await storedDoc(room.roomId);
        // Rebuilding from the store creates a root for every root a stored update wrote to.
        expect([...stored.share.keys()].filter((root) => !DOC_ROOTS.includes(root))).toEqual([]);
        expect(stored.getMap('meta').toJSON()).toEqual(header);
        expect(structuralErrors(stored)).toEqual([]);
      }),
      { numRuns: 25, seed: 20261129 },
    );
  });

  it('still takes the negotiator’s well-formed edits', async () => {
    const room = await createRoom(server.url);
    const csp = await seatParty(server.url, room.roomId, room.organizerToken, 'csp');
    const negotiator = await invite(server.url, room.roomId, csp, {
      name: 'Nina',
      role: 'negotiator',
      party: 'csp',
    });
    const client = connect(room.roomId, negotiator.token);
    await client.synced;
    const share = client.doc.getMap('clauses').get('c-sharing') as Y.Map<unknown>;
    (share.get('params') as Y.Map<unknown>).set('costRecovery', true);
    (client.doc.getMap('clauses').get('c-scope') as Y.Map<unknown>).set('title', 'What we offer');
    await vi.waitFor(async () => {
      const stored = exportTermSheet(await storedDoc(room.roomId)) as {
        clauses: { id: string; title: string; params: { costRecovery?: boolean } }[];
      };
      expect(stored.clauses.find((c) => c.id === 'c-sharing')?.params.costRecovery).toBe(true);
      expect(stored.clauses.find((c) => c.id === 'c-scope')?.title).toBe('What we offer');
    });
  });
});

describe('the header', () => {
  it('changes by an organizer, but no party others depend on may be removed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const room = await createRoom(server.url);
    const organizer = connect(room.roomId, room.organizerToken);
    await organizer.synced;
    organizer.doc.getMap('meta').set('currency', 'USD');
    await vi.waitFor(async () =>
      expect((await storedDoc(room.roomId)).getMap('meta').get('currency')).toBe('USD'),
    );
    const parties = organizer.doc.getMap('meta').get('parties') as Y.Array<Y.Map<unknown>>;
    const device = parties.toArray().findIndex((p) => p.get('id') === 'device');
    parties.delete(device, 1);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('invalid-change')),
    );
    const stored = await storedDoc(room.roomId);
    const ids = (stored.getMap('meta').get('parties') as Y.Array<Y.Map<unknown>>)
      .toArray()
      .map((p) => p.get('id'));
    expect(ids).toContain('device');
    expect(structuralErrors(stored)).toEqual([]);
  });

  it('refuses a field the header does not have, even from an organizer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const room = await createRoom(server.url);
    const organizer = connect(room.roomId, room.organizerToken);
    await organizer.synced;
    organizer.doc.getMap('meta').set('payload', 'x'.repeat(100_000));
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('outside-schema')),
    );
    expect((await storedDoc(room.roomId)).getMap('meta').get('payload')).toBeUndefined();
  });
});
