// The behaviour every store must show whatever database is behind it (rooms, updates, compaction,
// clause changes, members, lifecycle), run by the SQLite and PostgreSQL test files alike.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from './storeError';
import { describeCommentStoreContract } from './commentStoreContract';
import { describeMemberSeatStoreContract } from './memberSeatStoreContract';
import { describeVersionStoreContract } from './versionStoreContract';
import type { Store } from './store';
import type { MemberRecord, RoomRecord } from './types';

export interface StoreUnderTest {
  /** A migrated store. */
  store: Store;
  cleanup: () => Promise<void>;
}

const T0 = 1_750_000_000_000;

function room(overrides: Partial<RoomRecord> = {}): RoomRecord {
  return { id: `room-${randomUUID()}`, title: 'Telematics pilot', createdAt: T0, ...overrides };
}

function member(roomId: string, overrides: Partial<MemberRecord> = {}): MemberRecord {
  return {
    id: `m-${randomUUID()}`,
    roomId,
    name: 'Ada',
    role: 'negotiator',
    partyId: 'p-insurer',
    createdAt: T0,
    revokedAt: null,
    ...overrides,
  };
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function isPlainUint8Array(value: unknown): boolean {
  return value instanceof Uint8Array && Object.getPrototypeOf(value) === Uint8Array.prototype;
}

/** The behaviour every Store must show, whatever database is behind it. */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    async function newRoom(
      initial = bytes(1),
    ): Promise<{ room: RoomRecord; organizer: MemberRecord }> {
      const r = room();
      const organizer = member(r.id, { role: 'organizer', name: 'Olga' });
      await store.createRoom(r, initial, organizer);
      return { room: r, organizer };
    }

    async function append(roomId: string, data: Uint8Array, at = T0, clauseIds: string[] = []) {
      return store.appendUpdate({ roomId, data, memberId: null, clauseIds, at });
    }

    describe('rooms', () => {
      it('creates a room with its first update and its organizer, and reads it back', async () => {
        const { room: r, organizer } = await newRoom(bytes(7, 8, 9));
        expect(await store.getRoom(r.id)).toEqual(r);
        const doc = await store.loadDoc(r.id);
        expect(doc.snapshot).toBeNull();
        expect(doc.snapshotSeq).toBe(0);
        expect(doc.updates).toEqual([
          { seq: 1, data: bytes(7, 8, 9), memberId: organizer.id, createdAt: r.createdAt },
        ]);
        expect(await store.getMember(r.id, organizer.id)).toEqual(organizer);
      });

      it('answers undefined for an unknown room', async () => {
        expect(await store.getRoom('no-such-room')).toBeUndefined();
      });

      it('refuses a second room with the same id and keeps the first intact', async () => {
        const { room: r } = await newRoom(bytes(1));
        const again = { ...r, title: 'Other' };
        await expect(
          store.createRoom(again, bytes(2), member(r.id, { role: 'organizer' })),
        ).rejects.toThrow();
        expect(await store.getRoom(r.id)).toEqual(r);
        expect((await store.loadDoc(r.id)).updates.map((u) => Array.from(u.data))).toEqual([[1]]);
        expect(await store.listMembers(r.id)).toHaveLength(1);
      });

      it('leaves nothing behind when part of creating a room fails', async () => {
        const r = room();
        const broken = { ...member(r.id), name: null } as unknown as MemberRecord;
        await expect(store.createRoom(r, bytes(1), broken)).rejects.toThrow();
        expect(await store.getRoom(r.id)).toBeUndefined();
        await expect(store.loadDoc(r.id)).rejects.toThrow(StoreError);
        expect(await store.listMembers(r.id)).toEqual([]);
      });

      it('refuses an organizer who belongs to another room', async () => {
        const r = room();
        await expect(
          store.createRoom(r, bytes(1), member('elsewhere', { role: 'organizer' })),
        ).rejects.toThrow(/organizer/);
        expect(await store.getRoom(r.id)).toBeUndefined();
      });
    });

    describe('document updates', () => {
      it('numbers appends in order and loads them back in that order', async () => {
        const { room: r } = await newRoom();
        const seqs: number[] = [];
        for (let i = 0; i < 5; i++) seqs.push(await append(r.id, bytes(10 + i), T0 + i));
        expect(seqs).toEqual([2, 3, 4, 5, 6]);
        const doc = await store.loadDoc(r.id);
        expect(doc.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(doc.updates.slice(1).map((u) => u.data[0])).toEqual([10, 11, 12, 13, 14]);
        expect(doc.updates.slice(1).map((u) => u.createdAt)).toEqual([
          T0,
          T0 + 1,
          T0 + 2,
          T0 + 3,
          T0 + 4,
        ]);
      });

      it('gives concurrent appends distinct consecutive seqs, each with its own data', async () => {
        const { room: r } = await newRoom();
        const seqs = await Promise.all(
          Array.from({ length: 25 }, (_, i) => append(r.id, bytes(i))),
        );
        expect([...seqs].sort((a, b) => a - b)).toEqual(
          Array.from({ length: 25 }, (_, i) => i + 2),
        );
        const bySeq = new Map((await store.loadDoc(r.id)).updates.map((u) => [u.seq, u.data]));
        seqs.forEach((seq, i) => expect(bySeq.get(seq)).toEqual(bytes(i)));
      });

      it('commits appends of many rooms made at once, and refuses an unknown room alone', async () => {
        const rooms = await Promise.all(Array.from({ length: 6 }, () => newRoom()));
        const results = await Promise.allSettled([
          ...rooms.map(({ room: r }, i) => append(r.id, bytes(10 + i))),
          append('no-such-room', bytes(99)),
        ]);
        expect(results.slice(0, 6)).toEqual(
          Array.from({ length: 6 }, () => ({ status: 'fulfilled', value: 2 })),
        );
        expect(results[6]).toMatchObject({
          status: 'rejected',
          reason: { code: 'unknown-room' },
        });
        for (const [i, { room: r }] of rooms.entries()) {
          expect((await store.loadDoc(r.id)).updates.map((u) => u.data)).toEqual([
            bytes(1),
            bytes(10 + i),
          ]);
        }
      });

      it('keeps rooms apart', async () => {
        const a = (await newRoom(bytes(1))).room;
        const b = (await newRoom(bytes(2))).room;
        expect(await append(a.id, bytes(3))).toBe(2);
        expect(await append(b.id, bytes(4))).toBe(2);
        expect((await store.loadDoc(a.id)).updates.map((u) => u.data[0])).toEqual([1, 3]);
        expect((await store.loadDoc(b.id)).updates.map((u) => u.data[0])).toEqual([2, 4]);
      });

      it('records who made an update', async () => {
        const { room: r } = await newRoom();
        const m = member(r.id);
        await store.createMember(m);
        await store.appendUpdate({
          roomId: r.id,
          data: bytes(5),
          memberId: m.id,
          clauseIds: [],
          at: T0,
        });
        expect((await store.loadDoc(r.id)).updates[1]?.memberId).toBe(m.id);
      });

      it('refuses updates to, and loading of, an unknown room', async () => {
        await expect(append('no-such-room', bytes(1))).rejects.toMatchObject({
          code: 'unknown-room',
        });
        await expect(store.loadDoc('no-such-room')).rejects.toMatchObject({ code: 'unknown-room' });
      });

      it('round-trips bytes exactly, as plain Uint8Arrays: every byte value, empty, and 1 MiB', async () => {
        const everyByte = new Uint8Array(256).map((_, i) => i);
        const big = new Uint8Array(randomBytes(1024 * 1024));
        const { room: r } = await newRoom(everyByte);
        await append(r.id, new Uint8Array(0));
        await append(r.id, big);
        // A view into a larger buffer: only the viewed bytes may be stored.
        const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
        await append(r.id, backing.subarray(2, 5));

        const { updates } = await store.loadDoc(r.id);
        expect(updates.map((u) => u.data.byteLength)).toEqual([256, 0, 1024 * 1024, 3]);
        expect(updates[0]?.data).toEqual(everyByte);
        expect(updates[1]?.data).toEqual(new Uint8Array(0));
        expect(Buffer.compare(Buffer.from(updates[2]?.data ?? []), Buffer.from(big))).toBe(0);
        expect(updates[3]?.data).toEqual(bytes(1, 2, 3));
        for (const u of updates) expect(isPlainUint8Array(u.data)).toBe(true);

        await store.compact(r.id, big, 4);
        const doc = await store.loadDoc(r.id);
        expect(isPlainUint8Array(doc.snapshot)).toBe(true);
        expect(Buffer.compare(Buffer.from(doc.snapshot ?? []), Buffer.from(big))).toBe(0);
      });
    });

    describe('snapshots and compaction', () => {
      it('replaces the folded updates with the snapshot and keeps the later ones', async () => {
        const { room: r } = await newRoom(bytes(1));
        for (let i = 2; i <= 6; i++) await append(r.id, bytes(i));
        await store.compact(r.id, bytes(100, 4), 4);
        const doc = await store.loadDoc(r.id);
        expect(doc.snapshot).toEqual(bytes(100, 4));
        expect(doc.snapshotSeq).toBe(4);
        expect(doc.updates.map((u) => [u.seq, u.data[0]])).toEqual([
          [5, 5],
          [6, 6],
        ]);
      });

      it('never reuses a seq after everything was compacted', async () => {
        const { room: r } = await newRoom();
        await append(r.id, bytes(2));
        await store.compact(r.id, bytes(100), 2);
        expect((await store.loadDoc(r.id)).updates).toEqual([]);
        expect(await append(r.id, bytes(3))).toBe(3);
        const doc = await store.loadDoc(r.id);
        expect(doc.snapshotSeq).toBe(2);
        expect(doc.updates.map((u) => u.seq)).toEqual([3]);
      });

      it('keeps the newer snapshot when an older compaction finishes last', async () => {
        const { room: r } = await newRoom();
        for (let i = 2; i <= 5; i++) await append(r.id, bytes(i));
        await store.compact(r.id, bytes(100, 4), 4);
        await store.compact(r.id, bytes(100, 2), 2);
        const doc = await store.loadDoc(r.id);
        expect(doc.snapshot).toEqual(bytes(100, 4));
        expect(doc.snapshotSeq).toBe(4);
        expect(doc.updates.map((u) => u.seq)).toEqual([5]);
      });

      it('refuses a snapshot claiming updates that were never stored, changing nothing', async () => {
        const { room: r } = await newRoom();
        await append(r.id, bytes(2));
        await expect(store.compact(r.id, bytes(100), 3)).rejects.toMatchObject({ code: 'bad-seq' });
        await expect(store.compact(r.id, bytes(100), 0)).rejects.toMatchObject({ code: 'bad-seq' });
        await expect(store.compact('no-such-room', bytes(100), 1)).rejects.toMatchObject({
          code: 'unknown-room',
        });
        const doc = await store.loadDoc(r.id);
        expect(doc.snapshot).toBeNull();
        expect(doc.updates.map((u) => u.seq)).toEqual([1, 2]);
      });

      it('keeps every update appended while a compaction runs', async () => {
        const { room: r } = await newRoom();
        for (let i = 2; i <= 10; i++) await append(r.id, bytes(i));
        const racing = Array.from({ length: 30 }, (_, i) => append(r.id, bytes(200 + (i % 50))));
        const [, ...seqs] = await Promise.all([store.compact(r.id, bytes(100), 10), ...racing]);
        const doc = await store.loadDoc(r.id);
        expect(doc.snapshotSeq).toBe(10);
        expect(doc.updates.map((u) => u.seq)).toEqual([...seqs].sort((a, b) => a - b));
        expect(doc.updates.map((u) => u.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 11 + i));
      });

      it('loads a complete history while compactions and appends run', async () => {
        const { room: r } = await newRoom(bytes(0));
        // Each update carries its seq; a snapshot carries the seq it folds up to. A complete load
        // is the snapshot's seq followed by every later seq, with no gap.
        const work: Promise<unknown>[] = [];
        for (let i = 0; i < 40; i++) {
          work.push(
            append(r.id, bytes(0)).then(async (seq) => {
              if (seq % 8 === 0) await store.compact(r.id, bytes(seq), seq);
            }),
          );
          work.push(
            store.loadDoc(r.id).then((doc) => {
              const start = doc.snapshot ? (doc.snapshot[0] ?? -1) : 0;
              expect(doc.snapshotSeq).toBe(start);
              const seqs = doc.updates.map((u) => u.seq);
              expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, k) => start + 1 + k));
            }),
          );
        }
        await Promise.all(work);
      });
    });

    describe('catching up', () => {
      it('gives what a copy holding every update up to a seq lacks, with the snapshot once it folded some', async () => {
        const { room: r } = await newRoom(bytes(1));
        for (let i = 2; i <= 6; i++) await append(r.id, bytes(i));
        const since3 = await store.loadDocSince(r.id, 3);
        expect(since3.snapshot).toBeNull();
        expect(since3.snapshotSeq).toBe(3);
        expect(since3.updates.map((u) => [u.seq, u.data[0]])).toEqual([
          [4, 4],
          [5, 5],
          [6, 6],
        ]);
        await store.compact(r.id, bytes(100, 5), 5);
        const after = await store.loadDocSince(r.id, 3);
        expect(after.snapshot).toEqual(bytes(100, 5));
        expect(after.snapshotSeq).toBe(5);
        expect(after.updates.map((u) => u.seq)).toEqual([6]);
        // A copy already past the snapshot needs only the updates.
        const past = await store.loadDocSince(r.id, 5);
        expect(past.snapshot).toBeNull();
        expect(past.updates.map((u) => u.seq)).toEqual([6]);
        expect((await store.loadDocSince(r.id, 6)).updates).toEqual([]);
      });

      it('answers the newest seq of many rooms in one call, leaving unknown rooms out', async () => {
        const { room: a } = await newRoom();
        const { room: b } = await newRoom();
        await append(a.id, bytes(2));
        await append(a.id, bytes(3));
        await store.compact(a.id, bytes(100), 3);
        const seqs = await store.latestSeqs([a.id, b.id, 'no-such-room']);
        expect([...seqs.entries()].sort()).toEqual(
          [
            [a.id, 3],
            [b.id, 1],
          ].sort(),
        );
        expect((await store.latestSeqs([])).size).toBe(0);
      });
    });

    describe('clause changes', () => {
      it('lists who changed which clause since a time, in order, and keeps them through compaction', async () => {
        const { room: r } = await newRoom();
        const m = member(r.id);
        await store.createMember(m);
        const s1 = await store.appendUpdate({
          roomId: r.id,
          data: bytes(2),
          memberId: m.id,
          clauseIds: ['c-fee', 'c-term', 'c-fee'],
          at: T0 + 10,
        });
        await append(r.id, bytes(3), T0 + 20);
        const s3 = await store.appendUpdate({
          roomId: r.id,
          data: bytes(4),
          memberId: null,
          clauseIds: ['c-exit'],
          at: T0 + 30,
        });
        await store.compact(r.id, bytes(100), s3);

        expect(await store.listClauseChanges(r.id, 0)).toEqual([
          { seq: s1, clauseId: 'c-fee', memberId: m.id, at: T0 + 10 },
          { seq: s1, clauseId: 'c-term', memberId: m.id, at: T0 + 10 },
          { seq: s3, clauseId: 'c-exit', memberId: null, at: T0 + 30 },
        ]);
        expect(await store.listClauseChanges(r.id, T0 + 30)).toEqual([
          { seq: s3, clauseId: 'c-exit', memberId: null, at: T0 + 30 },
        ]);
        expect(await store.listClauseChanges(r.id, T0 + 31)).toEqual([]);
        expect(await store.listClauseChanges('no-such-room', 0)).toEqual([]);
      });
    });

    describe('members', () => {
      it('creates, reads and lists members of a room', async () => {
        const { room: r, organizer } = await newRoom();
        const mediator = member(r.id, {
          role: 'mediator',
          partyId: null,
          name: 'Mo',
          createdAt: T0 + 2,
        });
        const viewer = member(r.id, { role: 'viewer', createdAt: T0 + 1 });
        await store.createMember(mediator);
        await store.createMember(viewer);
        expect(await store.getMember(r.id, mediator.id)).toEqual(mediator);
        expect(await store.listMembers(r.id)).toEqual([organizer, viewer, mediator]);
      });

      it('does not find a member through another room', async () => {
        const a = (await newRoom()).room;
        const b = (await newRoom()).room;
        const m = member(a.id);
        await store.createMember(m);
        expect(await store.getMember(b.id, m.id)).toBeUndefined();
        expect(await store.getMember(a.id, 'no-such-member')).toBeUndefined();
        expect(await store.revokeMember(b.id, m.id, T0)).toBe(false);
        expect((await store.getMember(a.id, m.id))?.revokedAt).toBeNull();
      });

      it('refuses a duplicate member and a member of an unknown room', async () => {
        const { room: r, organizer } = await newRoom();
        await expect(store.createMember({ ...organizer, name: 'Impostor' })).rejects.toThrow();
        expect((await store.getMember(r.id, organizer.id))?.name).toBe(organizer.name);
        await expect(store.createMember(member('no-such-room'))).rejects.toThrow();
      });

      it('revokes a member once; revoking again keeps the first time; unknown is false', async () => {
        const { room: r } = await newRoom();
        const m = member(r.id);
        await store.createMember(m);
        expect(await store.revokeMember(r.id, m.id, T0 + 5)).toBe(true);
        expect(await store.revokeMember(r.id, m.id, T0 + 9)).toBe(true);
        expect(await store.getMember(r.id, m.id)).toEqual({ ...m, revokedAt: T0 + 5 });
        expect(await store.revokeMember(r.id, 'no-such-member', T0)).toBe(false);
      });
    });

    describeMemberSeatStoreContract(() => store);

    describeCommentStoreContract(
      () => store,
      async () => (await newRoom()).room.id,
    );

    describeVersionStoreContract(
      () => store,
      async () => (await newRoom()).room.id,
    );

    describe('lifecycle', () => {
      it('migrates again without touching the data', async () => {
        const { room: r } = await newRoom(bytes(4, 2));
        await store.migrate();
        await store.migrate();
        expect(await store.getRoom(r.id)).toEqual(r);
        expect((await store.loadDoc(r.id)).updates[0]?.data).toEqual(bytes(4, 2));
      });

      it('rejects calls after close, and closing twice is harmless', async () => {
        await store.close();
        await store.close();
        await expect(store.getRoom('any')).rejects.toThrow();
      });
    });
  });
}
