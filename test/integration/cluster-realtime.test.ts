// Socket.IO and the write rules across instances: members of one room connected to different
// instances see each other's presence, comments, proposals, sign-offs and locks; a lock set on one
// instance refuses a write on another at once; a revocation ends the member's sessions on every
// instance; and a rate limit holds across instances.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { getClauseBody } from '@parley/shared/room';
import type { CommentThread } from '@parley/shared/comments';
import type { MediationState, ProposalView, SignOffState } from '@parley/shared/mediation';
import type { PresenceState } from '@parley/shared/protocol';
import { closeCodes, ROOM_BURST_PER_ADDRESS } from '@parley/shared/protocol';
import { collect, connectCollab, connectSocket, request, startCluster } from './helpers';
import type { CollabClient, ParleyClientSocket, TestCluster } from './helpers';
import { mediationRoom, ok, people } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';
import { until } from './cluster-helpers';

process.setMaxListeners(100);

let cluster: TestCluster;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
const cleanups: (() => void | Promise<void>)[] = [];

/** Which instance each person is connected to: never all on one. */
const instanceOf: Record<Person, number> = {
  organizer: 0,
  negPartner: 1,
  viewerPartner: 2,
  negCsp: 1,
  viewerCsp: 0,
  mediator: 0,
  observer: 2,
};

function serverOf(person: Person) {
  return cluster.servers[instanceOf[person]]!;
}

beforeAll(async () => {
  cluster = await startCluster({ instances: 3 });
  room = await mediationRoom(cluster.servers[0]!.baseUrl);
  sockets = {} as Record<Person, ParleyClientSocket>;
  for (const person of people) {
    sockets[person] = await connectSocket(serverOf(person).baseUrl, room.tokens[person]);
  }
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  for (const socket of Object.values(sockets ?? {})) socket.close();
  await cluster?.close();
});

function provider(person: Person): CollabClient {
  const c = connectCollab(serverOf(person).collabUrl, room.roomId, room.tokens[person]);
  cleanups.push(() => c.destroy());
  return c;
}

function bodyText(doc: Y.Doc, clauseId: string): string {
  return getClauseBody(doc, clauseId)?.toString() ?? '';
}

function typeInto(doc: Y.Doc, clauseId: string, text: string): void {
  const body = getClauseBody(doc, clauseId);
  if (body === undefined) throw new Error(`no clause ${clauseId}`);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  body.insert(0, [paragraph]);
}

describe('a room whose members are on three instances', () => {
  it('shows everyone present, wherever they are connected, and their focus', async () => {
    const states = collect(sockets.organizer, 'presence:state');
    const answer = await ok<{ presence: PresenceState }>(sockets.observer, 'room:state');
    expect(new Set(answer.presence.entries.map((e) => e.memberId))).toEqual(
      new Set(people.map((p) => room.ids[p])),
    );
    await ok(sockets.negCsp, 'presence:focus', { clauseId: 'c-rev' });
    await until(() => {
      const last = states.at(-1);
      expect(last?.entries.find((e) => e.memberId === room.ids.negCsp)?.focus).toBe('c-rev');
      expect(last?.entries).toHaveLength(people.length);
    });
  });

  it('tells the writer and members on other instances that an edit is saved, never going back', async () => {
    const writer = provider('negCsp');
    await writer.synced;
    const own = collect(sockets.negCsp, 'save:status');
    const elsewhere = collect(sockets.observer, 'save:status');
    typeInto(writer.doc, 'c-rev', 'SAVED-ACROSS');
    const clock = Y.getState(writer.doc.store, writer.doc.clientID);
    const key = String(writer.doc.clientID);
    await until(() => {
      expect(own.at(-1)?.stored[key]).toBeGreaterThanOrEqual(clock);
      expect(elsewhere.at(-1)?.stored[key]).toBeGreaterThanOrEqual(clock);
    });
    // Each client's statuses only grow: no status older than one already told.
    for (const seen of [own, elsewhere]) {
      const clocks = seen.map((status) => status.stored[key] ?? 0);
      expect(clocks).toEqual([...clocks].sort((x, y) => x - y));
    }
  });

  it('delivers a comment made on one instance to members on the others', async () => {
    const created = collect(sockets.mediator, 'comments:thread-created');
    const alsoCreated = collect(sockets.viewerPartner, 'comments:thread-created');
    const thread = await ok<CommentThread>(sockets.negCsp, 'comments:create', {
      anchor: { type: 'clause', clauseId: 'c-rev' },
      visibility: 'room',
      body: 'CLUSTER-COMMENT across instances',
    });
    await until(() => {
      expect(created.map((t) => t.id)).toContain(thread.id);
      expect(alsoCreated.map((t) => t.id)).toContain(thread.id);
    });
  });

  it('delivers proposals and sign-offs to every instance', async () => {
    const proposals = collect(sockets.observer, 'proposals:changed');
    const signoffs = collect(sockets.mediator, 'signoffs:changed');
    const proposal = await ok<ProposalView>(sockets.negCsp, 'proposals:create', {
      clauseId: 'c-share',
      params: [
        { path: 'fixed.csp', value: 50 },
        { path: 'fixed.partner', value: 50 },
      ],
      rationale: 'Across instances.',
    });
    await until(() => expect(proposals.map((p) => p.id)).toContain(proposal.id));
    await ok(sockets.negPartner, 'signoffs:sign', { clauseId: 'c-scope' });
    await until(() => {
      const last = signoffs.at(-1);
      expect(
        last?.signOffs.some((s) => s.clauseId === 'c-scope' && s.memberId === room.ids.negPartner),
      ).toBe(true);
    });
    const state = await ok<SignOffState>(sockets.viewerCsp, 'signoffs:list');
    expect(state.signOffs.some((s) => s.memberId === room.ids.negPartner)).toBe(true);
  });

  it('refuses a write on another instance as soon as a lock is set, and takes it once unlocked', async () => {
    const changed = collect(sockets.negCsp, 'mediation:changed');
    const writer = provider('negCsp');
    const watcher = provider('observer');
    await Promise.all([writer.synced, watcher.synced]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warn.mockRestore());
    const locked = await ok<MediationState>(sockets.mediator, 'mediation:lock', {
      clauseId: 'c-scope',
    });
    expect(locked.locks).toContain('c-scope');
    // Written right after the lock's answer, on an instance that did not set it.
    typeInto(writer.doc, 'c-scope', 'WRITTEN-WHILE-LOCKED');
    await until(() =>
      expect(bodyText(writer.doc, 'c-scope')).not.toContain('WRITTEN-WHILE-LOCKED'),
    );
    await until(() => expect(changed.at(-1)?.locks).toContain('c-scope'));
    const stored = await cluster.servers[1]!.server.store.loadDoc(room.roomId);
    const doc = new Y.Doc();
    if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update.data);
    expect(bodyText(doc, 'c-scope')).not.toContain('WRITTEN-WHILE-LOCKED');
    expect(bodyText(watcher.doc, 'c-scope')).not.toContain('WRITTEN-WHILE-LOCKED');

    await ok(sockets.mediator, 'mediation:unlock', { clauseId: 'c-scope' });
    // A fresh copy: the refused write's client must reload before it builds on that spot again.
    writer.destroy();
    const again = provider('negCsp');
    await again.synced;
    typeInto(again.doc, 'c-scope', 'WRITTEN-AFTER-UNLOCK');
    await until(() => expect(bodyText(watcher.doc, 'c-scope')).toContain('WRITTEN-AFTER-UNLOCK'));
  });

  it('refuses a party’s write on another instance as soon as single-text mode is on', async () => {
    const writer = provider('negCsp');
    const watcher = provider('observer');
    await Promise.all([writer.synced, watcher.synced]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanups.push(() => warn.mockRestore());
    const state = await ok<MediationState>(sockets.mediator, 'mediation:mode', {
      mode: 'single-text',
    });
    expect(state.mode).toBe('single-text');
    typeInto(writer.doc, 'c-rev', 'WRITTEN-IN-SINGLE-TEXT');
    await until(() =>
      expect(bodyText(writer.doc, 'c-rev')).not.toContain('WRITTEN-IN-SINGLE-TEXT'),
    );
    expect(bodyText(watcher.doc, 'c-rev')).not.toContain('WRITTEN-IN-SINGLE-TEXT');
    await until(() => expect(warn.mock.calls.flat().join(' ')).toMatch(/single-text-mode/));
    await ok(sockets.mediator, 'mediation:mode', { mode: 'normal' });
  });

  it('ends a revoked member’s sessions on every instance: Socket.IO and /collab (4403)', async () => {
    // negPartner is on instance 1; a second tab of theirs is on instance 2.
    const collabHere = provider('negPartner');
    const collabThere = connectCollab(
      cluster.servers[2]!.collabUrl,
      room.roomId,
      room.tokens.negPartner,
    );
    cleanups.push(() => collabThere.destroy());
    await Promise.all([collabHere.synced, collabThere.synced]);
    const secondTab = await connectSocket(cluster.servers[2]!.baseUrl, room.tokens.negPartner);
    cleanups.push(() => {
      secondTab.close();
    });
    const ended = collect(sockets.negPartner, 'session:ended');
    const endedThere = collect(secondTab, 'session:ended');
    // The organizer revokes through instance 0.
    const revoked = await request(
      cluster.servers[0]!.baseUrl,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/${room.ids.negPartner}`,
      { token: room.tokens.organizer },
    );
    expect(revoked.status).toBeLessThan(300);
    await until(() => {
      expect(ended.map((e) => e.code)).toContain('revoked');
      expect(endedThere.map((e) => e.code)).toContain('revoked');
      expect(sockets.negPartner.connected).toBe(false);
      expect(secondTab.connected).toBe(false);
      expect(collabHere.closes.map((c) => c.code)).toContain(closeCodes.revoked);
      expect(collabThere.closes.map((c) => c.code)).toContain(closeCodes.revoked);
    });
  });
});

describe('rate limits across instances', () => {
  it('lets one address create as many rooms through all instances as through one', async () => {
    const limited = await startCluster({ instances: 2, productionRateLimits: true });
    cleanups.push(() => limited.close());
    const statuses: number[] = [];
    for (let i = 0; i < ROOM_BURST_PER_ADDRESS + 4; i++) {
      const server = limited.servers[i % 2]!;
      const answer = await request(server.baseUrl, 'POST', '/api/rooms', {
        body: { title: `Room ${i}`, template: 'mhealth' },
      });
      statuses.push(answer.status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(ROOM_BURST_PER_ADDRESS);
    expect(statuses.slice(ROOM_BURST_PER_ADDRESS).every((s) => s === 429)).toBe(true);
  });
});
