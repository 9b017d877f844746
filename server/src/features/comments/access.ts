// Reading threads as a member may see them: a hidden thread and a missing one get the same
// answer, so nobody learns that a private thread exists.
import { canSeeThread } from '@parley/shared/comments';
import type { CommentThread } from '@parley/shared/comments';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { CommentsContext } from './context';

export function threadNotFound(threadId: string): ServiceError {
  return new ServiceError(
    404,
    'not-found',
    `There is no comment thread "${threadId}" in this room.`,
  );
}

export async function visibleThreads(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<CommentThread[]> {
  const threads = await ctx.store.listThreads(member.roomId);
  return threads.filter((t) => canSeeThread(member, t));
}

export async function visibleThread(
  ctx: CommentsContext,
  member: MemberClaims,
  threadId: string,
): Promise<CommentThread> {
  const thread = await ctx.store.getThread(member.roomId, threadId);
  if (thread === undefined || !canSeeThread(member, thread)) throw threadNotFound(threadId);
  return thread;
}

/** The thread again after a change the caller made (so it can see it). */
export async function reloadThread(
  ctx: CommentsContext,
  roomId: string,
  threadId: string,
): Promise<CommentThread> {
  const thread = await ctx.store.getThread(roomId, threadId);
  if (thread === undefined) throw threadNotFound(threadId);
  return thread;
}
