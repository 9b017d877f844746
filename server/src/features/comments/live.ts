// Live comment events, each to the thread's audience only, and fresh unread counts to every
// member who may see the thread.
import { canSeeThread } from '@parley/shared/comments';
import type { CommentThread } from '@parley/shared/comments';
import type { CommentEvent } from '@parley/shared/protocol';
import { memberAudience } from '../../realtime';
import { threadAudience } from './audience';
import type { CommentsContext } from './context';
import { unreadCounts } from './reads';

export type CommentChange = 'comment-added' | 'comment-edited' | 'comment-deleted';

export function announceThread(
  ctx: CommentsContext,
  thread: CommentThread,
  kind: 'created' | 'updated',
): void {
  ctx.broadcast
    .to(thread.roomId, ...threadAudience(thread))
    .emit(kind === 'created' ? 'comments:thread-created' : 'comments:thread-updated', thread);
}

export function announceComment(
  ctx: CommentsContext,
  change: CommentChange,
  thread: CommentThread,
  event: CommentEvent,
): void {
  ctx.broadcast.to(thread.roomId, ...threadAudience(thread)).emit(`comments:${change}`, event);
}

/**
 * Recomputes the unread counts of every member online who may see the thread and sends each
 * their own. Runs after the answer is sent: a slow count must not hold up the writer.
 */
export function announceUnread(ctx: CommentsContext, thread: CommentThread): void {
  void (async () => {
    const online = await ctx.broadcast.present(thread.roomId);
    for (const member of online.filter((m) => canSeeThread(m, thread))) {
      const unread = await unreadCounts(ctx, member);
      ctx.broadcast
        .to(thread.roomId, memberAudience(member.memberId))
        .emit('comments:unread', unread);
    }
  })().catch((error: unknown) => {
    ctx.logger.warn({ err: error, roomId: thread.roomId }, 'unread counts not computed');
  });
}
