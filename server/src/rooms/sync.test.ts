// Two copies of one room over one store, as two instances hold it: updates stored by one are
// applied by the other without being stored again, gaps are tracked by seq, and a compaction by a
// copy that misses an update never folds that update away.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getClauseMap, setClauseTitle } from '@parley/shared/room';
import { createTestRoom, openTestStore, silentLogger } from '../testing';
import type { TestStore } from '../testing';
import type { Peer } from './peer';
import { createRoomRuntime } from './runtime';
import type { RoomRuntime } from './runtime';
import type { RoomSync, SyncedRoom } from './sync';

interface Recorded {
  seq: number;
  update: Uint8Array;
}

function makeSync(): RoomSync & { log: Recorded[]; rooms: Map<string, SyncedRoom> } {
  const log: Recorded[] = [];
  const rooms = new Map<string, SyncedRoom>();
  return {
    log,
    rooms,
    loaded: (room) => void rooms.set(room.id, room),
    unloaded: (room) => void rooms.delete(room.id),
    stored: (_room, seq, update) => void log.push({ seq, update }),
    awareness: () => undefined,
  };
}

function peer(): Peer & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return {
    member: { memberId: 'm', roomId: 'r1', role: 'negotiator', partyId: 'csp', name: 'M' },
    awarenessIds: new Set(),
    received,
    send: (message) => received.push(message),
    close: () => undefined,
  };
}

let opened: TestStore;
let a: RoomRuntime;
let b: RoomRuntime;
let syncA: ReturnType<typeof makeSync>;
let syncB: ReturnType<typeof makeSync>;

beforeEach(async () => {
  opened = await openTestStore();
  await createTestRoom(opened.store, 'r1');
  syncA = makeSync();
  syncB = makeSync();
  a = createRoomRuntime({ store: opened.store, logger: silentLogger, sync: syncA });
  b = createRoomRuntime({ store: opened.store, logger: silentLogger, sync: syncB });
  a.register([]);
  b.register([]);
});

afterEach(async () => {
  await a.close();
  await b.close();
  await opened.close();
});

const title = (doc: Y.Doc, clause: string) => getClauseMap(doc, clause)?.get('title');

describe('a room held by two instances', () => {
  it('applies and relays what the other stored, without storing it again', async () => {
    const roomB = await b.acquire('r1');
    const reader = peer();
    roomB.addPeer(reader);
    reader.received.length = 0;
    await a.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', 'Term A'), {
      memberId: 'org',
    });
    expect(syncA.log.map((r) => r.seq)).toEqual([2]);
    const synced = syncB.rooms.get('r1')!;
    await synced.applyStored({
      snapshot: null,
      snapshotSeq: 0,
      updates: syncA.log.map((r) => ({ seq: r.seq, data: r.update })),
    });
    expect(title(roomB.doc, 'c-term')).toBe('Term A');
    expect(reader.received).toHaveLength(1);
    expect(synced.appliedSeq).toBe(2);
    // Applying it again changes nothing and relays nothing.
    await synced.applyStored({
      snapshot: null,
      snapshotSeq: 0,
      updates: syncA.log.map((r) => ({ seq: r.seq, data: r.update })),
    });
    expect(reader.received).toHaveLength(1);
    expect((await opened.store.loadDoc('r1')).updates.map((u) => u.seq)).toEqual([1, 2]);
    expect(syncB.log).toEqual([]);
    b.release(roomB);
  });

  it('tracks a gap and never compacts past it', async () => {
    await a.getDoc('r1');
    await b.getDoc('r1');
    await b.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', 'Term B'), {
      memberId: 'org',
    });
    await a.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-exit', 'Exit A'), {
      memberId: 'org',
    });
    const roomA = syncA.rooms.get('r1')!;
    expect(roomA.hasSeq(3)).toBe(true);
    expect(roomA.hasSeq(2)).toBe(false);
    expect(roomA.hasGap).toBe(true);
    expect(roomA.appliedSeq).toBe(1);
    expect(roomA.seq).toBe(3);
    // A unloads (and compacts) while it still misses B's update: nothing of B's may be lost.
    await a.close();
    const load = await opened.store.loadDoc('r1');
    const doc = new Y.Doc();
    if (load.snapshot !== null) Y.applyUpdate(doc, load.snapshot);
    for (const update of load.updates) Y.applyUpdate(doc, update.data);
    expect(title(doc, 'c-term')).toBe('Term B');
    expect(title(doc, 'c-exit')).toBe('Exit A');
  });

  it('catches up from a snapshot when the missing updates were compacted away', async () => {
    await a.getDoc('r1');
    const roomB = await b.acquire('r1');
    for (const name of ['One', 'Two', 'Three']) {
      await a.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', name), {
        memberId: 'org',
      });
    }
    await a.close();
    const synced = syncB.rooms.get('r1')!;
    const missing = await opened.store.loadDocSince('r1', synced.appliedSeq);
    expect(missing.snapshot).not.toBeNull();
    await synced.applyStored(missing);
    expect(title(roomB.doc, 'c-term')).toBe('Three');
    expect(synced.appliedSeq).toBe(4);
    expect(synced.hasGap).toBe(false);
    b.release(roomB);
  });
});
