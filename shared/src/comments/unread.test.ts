// Unread counts: only others' live comments after the member last read each thread, counted per
// thread, per clause and in total, and separately for each member.
import { describe, expect, it } from 'vitest';
import type { Comment, CommentThread } from './schemas';
import { countUnread, readMarkerFor } from './unread';

const ada = { memberId: 'm-ada', name: 'Ada', role: 'negotiator' as const, partyId: 'a' };
const bo = { memberId: 'm-bo', name: 'Bo', role: 'negotiator' as const, partyId: 'b' };

function c(id: string, author: typeof ada, at: number, deletedAt: number | null = null): Comment {
  const body = deletedAt === null ? 'text' : '';
  return { id, threadId: '', author, body, mentions: [], createdAt: at, editedAt: null, deletedAt };
}

function t(id: string, clauseId: string, comments: Comment[]): CommentThread {
  return {
    id,
    roomId: 'r',
    clauseId,
    anchor: { type: 'clause', clauseId },
    visibility: 'room',
    partyId: null,
    title: null,
    createdBy: comments[0]!.author,
    createdAt: comments[0]!.createdAt,
    updatedAt: comments[comments.length - 1]!.createdAt,
    status: 'open',
    statusChangedBy: null,
    statusChangedAt: null,
    comments: comments.map((comment) => ({ ...comment, threadId: id })),
  };
}

describe('unread counts', () => {
  const threads = [
    t('t1', 'c-rev', [c('1', ada, 10), c('2', bo, 20), c('3', bo, 30)]),
    t('t2', 'c-rev', [c('4', bo, 15), c('5', bo, 25, 26)]),
    t('t3', 'c-cap', [c('6', bo, 5)]),
  ];

  it('count others’ live comments per thread, per clause and in total', () => {
    expect(countUnread(threads, 'm-ada', {})).toEqual({
      total: 4,
      byClause: { 'c-rev': 3, 'c-cap': 1 },
      byThread: { t1: 2, t2: 1, t3: 1 },
    });
  });

  it('count only what came after the member last read each thread', () => {
    expect(countUnread(threads, 'm-ada', { t1: 20, t3: readMarkerFor(threads[2]!, 0) })).toEqual({
      total: 2,
      byClause: { 'c-rev': 2 },
      byThread: { t1: 1, t2: 1 },
    });
  });

  it('are per member: the other side sees only Ada’s comment', () => {
    expect(countUnread(threads, 'm-bo', {})).toEqual({
      total: 1,
      byClause: { 'c-rev': 1 },
      byThread: { t1: 1 },
    });
  });
});
