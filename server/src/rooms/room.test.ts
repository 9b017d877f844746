// The update path of one room, hook by hook: a write is checked, applied, attributed, stored,
// relayed, then announced; a refused one reaches neither the store nor anyone else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberClaims } from '@parley/shared/protocol';
import { getClauseMap, setClauseTitle, setParam } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { createTestRoom, openTestStore, testRuntime } from '../testing';
import type { TestStore } from '../testing';
import type { RoomHook, StoredChange } from './hooks';
import type { Peer } from './peer';
import type { RoomRuntime } from './runtime';
import { roomSlot } from './slots';
import { decodeUpdateSafely } from './updateCheck';

const negotiator: MemberClaims = {
  memberId: 'neg',
  roomId: 'r1',
  role: 'negotiator',
  partyId: 'csp',
  name: 'Nadia',
};

function peer(member: MemberClaims): Peer & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return {
    member,
    awarenessIds: new Set(),
    received,
    send: (message) => received.push(message),
    close: () => undefined,
  };
}

/** An update made by a client that holds the room's current state, as `edit` leaves it. */
function clientUpdate(state: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const disposed: string[] = [];
const counterSlot = roomSlot(
  'counter',
  (roomId) => ({ roomId, writes: 0 }),
  (value) => disposed.push(value.roomId),
);

let opened: TestStore;
let runtime: RoomRuntime;
const stages: string[] = [];
const stored: StoredChange[] = [];

const recorder: RoomHook = {
  name: 'recorder',
  onLoad: (room) => {
    stages.push(`load ${room.id}`);
  },
  beforeWrite: (_room, write) => {
    stages.push('beforeWrite');
    return write.effect.clauses.includes('c-exit')
      ? { code: 'clause-locked', message: 'The exit clause is locked.' }
      : null;
  },
  onChange: (_room, change) => {
    stages.push(`change ${change.clauseIds.join(',')}`);
  },
  afterStore: (room, change) => {
    stages.push(`stored ${change.seq}`);
    stored.push(change);
    room.slot(counterSlot).writes++;
  },
  onUnload: (room) => {
    stages.push(`unload ${room.id} after ${room.slot(counterSlot).writes} writes`);
  },
};

beforeEach(async () => {
  stages.length = 0;
  stored.length = 0;
  disposed.length = 0;
  opened = await openTestStore();
  await createTestRoom(opened.store, 'r1');
  const attribution: RoomHook = {
    name: 'attribution',
    onChange: (_room, change) => {
      change.clauseIds = [...new Set(change.clauseIds), 'attributed'];
    },
  };
  runtime = testRuntime(opened.store, [attribution, recorder]);
});

afterEach(async () => {
  await runtime.close();
  await opened.close();
});

describe('room update path', () => {
  it('runs onLoad before anyone sees the room, and stores an accepted write before relaying it', async () => {
    const room = await runtime.acquire('r1');
    expect(stages).toEqual(['load r1']);
    const writer = peer(negotiator);
    const reader = peer({ ...negotiator, memberId: 'reader' });
    room.addPeer(writer);
    room.addPeer(reader);
    reader.received.length = 0;
    const update = clientUpdate(Y.encodeStateAsUpdate(room.doc), (doc) =>
      setParam(doc, 'c-revenue', ['streams', 0, 'unitPrice'], 1700),
    );
    const result = await room.applyClientUpdate(writer, update, decodeUpdateSafely(update)!);
    expect(result).toEqual({ kind: 'applied' });
    expect(stages).toEqual(['load r1', 'beforeWrite', 'change attributed', 'stored 2']);
    expect(stored[0]).toMatchObject({
      memberId: 'neg',
      origin: 'client',
      clauseIds: ['attributed'],
    });
    const load = await opened.store.loadDoc('r1');
    expect(load.updates.map((u) => u.seq)).toEqual([1, 2]);
    expect(reader.received).toHaveLength(1);
    expect(writer.received.some((m) => m === reader.received[0])).toBe(false);
    runtime.release(room);
  });

  it('refuses a write a hook refuses: nothing of it is applied, stored or relayed', async () => {
    const room = await runtime.acquire('r1');
    const writer = peer(negotiator);
    const reader = peer({ ...negotiator, memberId: 'reader' });
    room.addPeer(writer);
    room.addPeer(reader);
    reader.received.length = 0;
    const update = clientUpdate(Y.encodeStateAsUpdate(room.doc), (doc) =>
      setClauseTitle(doc, 'c-exit', 'Walk away any time'),
    );
    const result = await room.applyClientUpdate(writer, update, decodeUpdateSafely(update)!);
    expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'clause-locked' } });
    expect(getClauseMap(room.doc, 'c-exit')?.get('title')).toBe(
      templates.telematics.clauses.find((c) => c.id === 'c-exit')?.title,
    );
    const reloaded = new Y.Doc();
    const load = await opened.store.loadDoc('r1');
    for (const u of load.updates) Y.applyUpdate(reloaded, u.data);
    expect(getClauseMap(reloaded, 'c-exit')?.get('title')).not.toBe('Walk away any time');
    expect(stored.every((change) => change.clauseIds.every((id) => id !== 'c-exit'))).toBe(true);
    runtime.release(room);
  });

  it('stores and announces a server-side change as the member it is attributed to', async () => {
    await runtime.applyServerChange(
      'r1',
      (doc) => setParam(doc, 'c-sharing', ['fixed', 'csp'], 30),
      { memberId: 'org' },
    );
    expect(stored).toEqual([
      expect.objectContaining({ memberId: 'org', origin: 'server', seq: 2 }),
    ]);
    expect(stages).not.toContain('beforeWrite');
  });

  it('runs onUnload once every write is stored, then releases the per-room state', async () => {
    await runtime.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', 'Term'), {
      memberId: 'org',
    });
    await runtime.close();
    expect(stages.at(-1)).toBe('unload r1 after 1 writes');
    expect(disposed).toEqual(['r1']);
    const doc = new Y.Doc();
    const load = await opened.store.loadDoc('r1');
    if (load.snapshot !== null) Y.applyUpdate(doc, load.snapshot);
    for (const u of load.updates) Y.applyUpdate(doc, u.data);
    expect(getClauseMap(doc, 'c-term')?.get('title')).toBe('Term');
  });
});
