// The comment part of the store contract: threads, replies, tombstones, resolution, read markers,
// visits and notifications, checked the same way on every database.
import { describe, expect, it } from 'vitest';
import type { Comment, CommentActor, CommentThread } from '@parley/shared/comments';
import type { Store } from './store';

const T0 = 1_750_000_000_000;

const alice: CommentActor = {
  memberId: 'm-alice',
  name: 'Alice',
  role: 'negotiator',
  partyId: 'csp',
};
const bob: CommentActor = { memberId: 'm-bob', name: 'Bob', role: 'viewer', partyId: 'insurer' };

function comment(threadId: string, id: string, author: CommentActor, at: number): Comment {
  return {
    id,
    threadId,
    author,
    body: `body of ${id}`,
    mentions: [],
    createdAt: at,
    editedAt: null,
    deletedAt: null,
  };
}

function thread(roomId: string, id: string, overrides: Partial<CommentThread> = {}): CommentThread {
  return {
    id,
    roomId,
    clauseId: 'c-rev',
    anchor: { type: 'param', clauseId: 'c-rev', param: 'streams.0.unitPrice' },
    visibility: 'party',
    partyId: 'csp',
    title: 'Price',
    createdBy: alice,
    createdAt: T0,
    updatedAt: T0,
    status: 'open',
    statusChangedBy: null,
    statusChangedAt: null,
    comments: [comment(id, `${id}-1`, alice, T0)],
    ...overrides,
  };
}

/** Comment storage behaviour, run inside the Store contract on every database. */
export function describeCommentStoreContract(
  getStore: () => Store,
  newRoomId: () => Promise<string>,
): void {
  describe('comments', () => {
    it('stores a thread with its comments and reads it back, per room', async () => {
      const store = getStore();
      const roomId = await newRoomId();
      const other = await newRoomId();
      const t = thread(roomId, 't1');
      await store.createThread(roomId, t);
      expect(await store.getThread(roomId, 't1')).toEqual(t);
      expect(await store.getThread(other, 't1')).toBeUndefined();
      expect(await store.listThreads(roomId)).toEqual([t]);
      expect(await store.listThreads(other)).toEqual([]);
    });

    it('appends replies in order, edits and tombstones them, and tracks updatedAt', async () => {
      const store = getStore();
      const roomId = await newRoomId();
      await store.createThread(roomId, thread(roomId, 't1'));
      const reply = { ...comment('t1', 't1-2', bob, T0 + 10), mentions: ['m-alice'] };
      expect(await store.addComment(roomId, reply)).toBe(true);
      expect(await store.addComment(roomId, comment('nope', 'x', bob, T0))).toBe(false);
      const edit = { kind: 'edit', body: 'changed', mentions: [], at: T0 + 20 } as const;
      expect(await store.updateComment(roomId, 't1', 't1-2', edit)).toBe(true);
      expect(await store.updateComment(roomId, 't1', 't1-1', { kind: 'delete', at: T0 + 30 })).toBe(
        true,
      );
      expect(await store.updateComment(roomId, 't1', 'missing', { kind: 'delete', at: T0 })).toBe(
        false,
      );
      const stored = await store.getThread(roomId, 't1');
      expect(stored?.updatedAt).toBe(T0 + 30);
      expect(stored?.comments.map((c) => [c.id, c.body, c.editedAt, c.deletedAt])).toEqual([
        ['t1-1', '', null, T0 + 30],
        ['t1-2', 'changed', T0 + 20, null],
      ]);
    });

    it('resolves and reopens, remembering who and when', async () => {
      const store = getStore();
      const roomId = await newRoomId();
      await store.createThread(roomId, thread(roomId, 't1'));
      expect(await store.setThreadStatus(roomId, 't1', 'resolved', bob, T0 + 5)).toBe(true);
      let t = await store.getThread(roomId, 't1');
      expect([t?.status, t?.statusChangedBy, t?.statusChangedAt]).toEqual([
        'resolved',
        bob,
        T0 + 5,
      ]);
      await store.setThreadStatus(roomId, 't1', 'open', alice, T0 + 6);
      t = await store.getThread(roomId, 't1');
      expect([t?.status, t?.statusChangedBy?.memberId]).toEqual(['open', 'm-alice']);
      expect(await store.setThreadStatus(roomId, 'missing', 'open', alice, T0)).toBe(false);
    });

    it('moves read markers forward only, per member', async () => {
      const store = getStore();
      const roomId = await newRoomId();
      await store.markThreadRead(roomId, 'm-alice', 't1', T0 + 10);
      await store.markThreadRead(roomId, 'm-alice', 't1', T0 + 5);
      await store.markThreadRead(roomId, 'm-alice', 't2', T0 + 1);
      await store.markThreadRead(roomId, 'm-bob', 't1', T0 + 2);
      expect(await store.listReadMarkers(roomId, 'm-alice')).toEqual({ t1: T0 + 10, t2: T0 + 1 });
      expect(await store.listReadMarkers(roomId, 'm-bob')).toEqual({ t1: T0 + 2 });
    });

    it('keeps one visit per member, the latest replacing the earlier', async () => {
      const store = getStore();
      const roomId = await newRoomId();
      expect(await store.getVisit(roomId, 'm-alice')).toBeUndefined();
      await store.saveVisit(roomId, 'm-alice', { visitedAt: T0, baseline: '{"a":1}' });
      await store.saveVisit(roomId, 'm-alice', { visitedAt: T0 + 9, baseline: '{"a":2}' });
      expect(await store.getVisit(roomId, 'm-alice')).toEqual({
        visitedAt: T0 + 9,
        baseline: '{"a":2}',
      });
    });

    it('lists a member’s notifications newest first and marks them read', async () => {
      const store = getStore();
      const roomId = await newRoomId();
      const base = {
        roomId,
        threadId: 't1',
        clauseId: 'c-rev',
        commentId: 't1-2',
        actor: bob,
        excerpt: 'hi',
        readAt: null,
      };
      await store.addNotifications([
        { ...base, id: 'n1', memberId: 'm-alice', kind: 'mention', createdAt: T0 },
        { ...base, id: 'n2', memberId: 'm-alice', kind: 'reply', createdAt: T0 + 1 },
        { ...base, id: 'n3', memberId: 'm-carol', kind: 'reply', createdAt: T0 + 1 },
      ]);
      const list = await store.listNotifications(roomId, 'm-alice', 10);
      expect(list.map((n) => [n.id, n.kind])).toEqual([
        ['n2', 'reply'],
        ['n1', 'mention'],
      ]);
      expect(await store.countUnreadNotifications(roomId, 'm-alice')).toBe(2);
      expect(await store.markNotificationsRead(roomId, 'm-alice', ['n1', 'n3'], T0 + 5)).toBe(1);
      expect(await store.countUnreadNotifications(roomId, 'm-alice')).toBe(1);
      expect(await store.markNotificationsRead(roomId, 'm-alice', null, T0 + 6)).toBe(1);
      expect(await store.countUnreadNotifications(roomId, 'm-alice')).toBe(0);
      expect(await store.countUnreadNotifications(roomId, 'm-carol')).toBe(1);
      expect((await store.listNotifications(roomId, 'm-alice', 1))[0]?.readAt).toBe(T0 + 6);
    });
  });
}
