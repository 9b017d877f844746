// Unread comment counts of one member, from the threads they may see and when they last read each,
// per thread, per clause and in total.
import type { CommentThread, UnreadCounts } from './schemas';

/**
 * Unread comments of one member over the threads they may see: comments by others, not
 * deleted, written after the member last read that thread (`readAt`, ms; absent = never read).
 */
export function countUnread(
  threads: readonly CommentThread[],
  memberId: string,
  readAt: Readonly<Record<string, number>>,
): UnreadCounts {
  const counts: UnreadCounts = { total: 0, byClause: {}, byThread: {} };
  for (const thread of threads) {
    const since = readAt[thread.id] ?? -Infinity;
    let unread = 0;
    for (const comment of thread.comments) {
      if (comment.author.memberId === memberId || comment.deletedAt !== null) continue;
      if (comment.createdAt > since) unread += 1;
    }
    if (unread === 0) continue;
    counts.total += unread;
    counts.byThread[thread.id] = unread;
    counts.byClause[thread.clauseId] = (counts.byClause[thread.clauseId] ?? 0) + unread;
  }
  return counts;
}

/** The read marker that covers every comment of a thread at `now`. */
export function readMarkerFor(thread: CommentThread, now: number): number {
  return thread.comments.reduce((latest, c) => Math.max(latest, c.createdAt), now);
}
