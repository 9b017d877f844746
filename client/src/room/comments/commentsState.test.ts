// How the comments a member sees change with the server's events and answers: merged by id, in
// order, counted once, and panels opened on the right clause.
import type {
  Comment,
  CommentActor,
  CommentNotification,
  CommentThread,
  SinceLastVisit,
} from '@parley/shared/comments';
import { describe, expect, it } from 'vitest';
import {
  clauseOpened,
  commentUpserted,
  draftCleared,
  focusCleared,
  initialCommentsState,
  notificationArrived,
  notificationsRead,
  threadShown,
  threadStarted,
  threadUpserted,
  visitLoaded,
} from './commentsState';
import type { CommentsState, CommentsUpdate } from './commentsState';

const ada: CommentActor = { memberId: 'm-ada', name: 'Ada', role: 'negotiator', partyId: 'csp' };
const ben: CommentActor = { memberId: 'm-ben', name: 'Ben', role: 'negotiator', partyId: 'ins' };

function comment(id: string, threadId: string, createdAt: number, body = `Body of ${id}`): Comment {
  return {
    id,
    threadId,
    author: ada,
    body,
    mentions: [],
    createdAt,
    editedAt: null,
    deletedAt: null,
  };
}

function thread(id: string, clauseId: string, comments: Comment[] = []): CommentThread {
  return {
    id,
    roomId: 'room-1',
    clauseId,
    anchor: { type: 'clause', clauseId },
    visibility: 'room',
    partyId: null,
    title: null,
    createdBy: ada,
    createdAt: 100,
    updatedAt: 100,
    status: 'open',
    statusChangedBy: null,
    statusChangedAt: null,
    comments,
  };
}

function notification(id: string, readAt: number | null = null): CommentNotification {
  return {
    id,
    kind: 'mention',
    threadId: 't-1',
    clauseId: 'c-split',
    commentId: 'k-1',
    actor: ben,
    excerpt: 'Ada, can you check this?',
    createdAt: 200,
    readAt,
  };
}

/** Applies updates in turn, as the store does. */
function apply(state: CommentsState, ...changes: ((s: CommentsState) => CommentsUpdate)[]) {
  return changes.reduce((s, change) => ({ ...s, ...change(s) }), state);
}

describe('comments as the member sees them', () => {
  it('replaces a thread it already has and adds a new one at the end', () => {
    const state = apply(
      initialCommentsState,
      (s) => threadUpserted(s, thread('t-1', 'c-split')),
      (s) => threadUpserted(s, thread('t-2', 'c-term')),
      (s) => threadUpserted(s, { ...thread('t-1', 'c-split'), status: 'resolved' }),
    );
    expect(state.threads.map((t) => [t.id, t.status])).toEqual([
      ['t-1', 'resolved'],
      ['t-2', 'open'],
    ]);
  });

  it('keeps comments in the order they were written, whatever order they arrive in', () => {
    const state = apply(
      {
        ...initialCommentsState,
        threads: [thread('t-1', 'c-split', [comment('k-1', 't-1', 110)])],
      },
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: comment('k-3', 't-1', 130),
        }),
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: comment('k-2', 't-1', 120),
        }),
    );
    const [only] = state.threads;
    expect(only?.comments.map((c) => c.id)).toEqual(['k-1', 'k-2', 'k-3']);
    expect(only?.updatedAt).toBe(130);
  });

  it('shows an edit in place and keeps a deleted comment as a tombstone', () => {
    const start = { ...initialCommentsState, threads: [thread('t-1', 'c-split')] };
    const state = apply(
      start,
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: comment('k-1', 't-1', 110),
        }),
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: comment('k-2', 't-1', 120),
        }),
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: { ...comment('k-1', 't-1', 110, 'Edited'), editedAt: 150 },
        }),
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: { ...comment('k-2', 't-1', 120, ''), deletedAt: 160 },
        }),
    );
    const comments = state.threads[0]?.comments ?? [];
    expect(comments.map((c) => [c.id, c.body, c.deletedAt])).toEqual([
      ['k-1', 'Edited', null],
      ['k-2', '', 160],
    ]);
    expect(state.threads[0]?.updatedAt).toBe(150);
  });

  it('leaves other threads as they were, so their views need not redraw', () => {
    const other = thread('t-2', 'c-term');
    const start = { ...initialCommentsState, threads: [thread('t-1', 'c-split'), other] };
    const state = apply(start, (s) =>
      commentUpserted(s, {
        threadId: 't-1',
        clauseId: 'c-split',
        comment: comment('k-1', 't-1', 110),
      }),
    );
    expect(state.threads[1]).toBe(other);
  });

  it('offers for @mention whoever writes in a thread the member reads, once', () => {
    const state = apply(
      { ...initialCommentsState, members: [{ ...ben }] },
      (s) => threadUpserted(s, thread('t-1', 'c-split', [comment('c-1', 't-1', 100)])),
      (s) =>
        commentUpserted(s, {
          threadId: 't-1',
          clauseId: 'c-split',
          comment: comment('c-2', 't-1', 200),
        }),
    );
    expect(state.members.map((m) => m.memberId)).toEqual(['m-ben', 'm-ada']);
  });

  it('counts a notification once, and only when it was not read on another device', () => {
    const state = apply(
      initialCommentsState,
      (s) => notificationArrived(s, notification('n-1')),
      (s) => notificationArrived(s, notification('n-1')),
      (s) => notificationArrived(s, notification('n-2', 300)),
    );
    expect(state.notifications.map((n) => n.id)).toEqual(['n-2', 'n-1']);
    expect(state.notificationsUnread).toBe(1);
    expect(notificationArrived(state, notification('n-2'))).toBeNull();
  });

  it('keeps the newest hundred notifications', () => {
    let state = initialCommentsState;
    for (let i = 1; i <= 105; i++)
      state = apply(state, (s) => notificationArrived(s, notification(`n-${i}`)));
    expect(state.notifications).toHaveLength(100);
    expect(state.notifications[0]?.id).toBe('n-105');
    expect(state.notifications.at(-1)?.id).toBe('n-6');
  });

  it('marks only the notifications named read, or all of them when none are named', () => {
    const start = apply(
      initialCommentsState,
      (s) => notificationArrived(s, notification('n-1')),
      (s) => notificationArrived(s, notification('n-2')),
    );
    const one = apply(start, (s) => notificationsRead(s, ['n-1'], 1, 500));
    expect(one.notifications.map((n) => [n.id, n.readAt])).toEqual([
      ['n-2', null],
      ['n-1', 500],
    ]);
    expect(one.notificationsUnread).toBe(1);
    const all = apply(one, (s) => notificationsRead(s, undefined, 0, 600));
    expect(all.notifications.map((n) => n.readAt)).toEqual([600, 500]);
  });

  it('opens the clause of a thread someone asks to see, and forgets the request once shown', () => {
    const start = {
      ...initialCommentsState,
      threads: [thread('t-1', 'c-split'), thread('t-2', 'c-term')],
    };
    const shown = apply(start, (s) => threadShown(s, 't-2'));
    expect(shown.openClauses).toEqual({ 'c-term': true });
    expect(shown.focusThreadId).toBe('t-2');
    // A thread this member cannot see (or that is gone) changes nothing.
    expect(threadShown(shown, 't-9')).toBeNull();
    // The view of another thread finishing late does not clear the newer request.
    expect(focusCleared(shown, 't-1')).toBeNull();
    expect(apply(shown, (s) => focusCleared(s, 't-2')).focusThreadId).toBeNull();
  });

  it('puts a started thread into its clause form and opens that clause', () => {
    const anchor = { type: 'param' as const, clauseId: 'c-split', param: 'fixed.csp' };
    const started = apply(
      initialCommentsState,
      (s) => clauseOpened(s, 'c-term', true),
      (s) => threadStarted(s, anchor),
    );
    expect(started.drafts).toEqual({ 'c-split': anchor });
    expect(started.openClauses).toEqual({ 'c-term': true, 'c-split': true });
    const sent = apply(started, (s) => draftCleared(s, 'c-split'));
    expect(sent.drafts).toEqual({});
    expect(draftCleared(sent, 'c-split')).toBeNull();
  });

  it('opens the visit summary by itself only when something happened since', () => {
    const quiet: SinceLastVisit = {
      since: 1000,
      newComments: [],
      mentions: [],
      clauseChanges: [],
      valueEffect: [],
    };
    expect(visitLoaded(quiet)).toEqual({ visit: quiet, visitOpen: false });
    expect(visitLoaded({ ...quiet, since: null })?.visitOpen).toBe(false);
    const busy: SinceLastVisit = {
      ...quiet,
      clauseChanges: [
        {
          clauseId: 'c-split',
          title: 'Value sharing',
          textChanged: false,
          paramsChanged: true,
          changedParams: ['fixed.csp'],
          paramChanges: [{ path: 'fixed.csp', before: 30, after: 45 }],
          removed: false,
          added: false,
          changedBy: [{ memberId: 'm-ben', name: 'Ben' }],
          lastChangedAt: 1500,
        },
      ],
    };
    expect(visitLoaded(busy)?.visitOpen).toBe(true);
  });
});
