// Editing and deleting one's own comments; a deleted comment stays as a tombstone.
import type { Comment, CommentThread } from '@parley/shared/comments';
import type {
  CommentEvent,
  CommentRefRequest,
  EditCommentRequest,
  MemberClaims,
} from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import { reloadThread, threadNotFound, visibleThread } from './access';
import { requireCommenter } from './context';
import type { CommentsContext } from './context';
import { announceComment, announceUnread } from './live';
import { mentionsFor } from './mentions';

async function ownComment(
  ctx: CommentsContext,
  member: MemberClaims,
  request: CommentRefRequest,
): Promise<{ thread: CommentThread; comment: Comment }> {
  requireCommenter(member);
  const thread = await visibleThread(ctx, member, request.threadId);
  const comment = thread.comments.find((c) => c.id === request.commentId);
  if (comment === undefined) {
    throw new ServiceError(
      404,
      'not-found',
      `Thread "${thread.id}" has no comment "${request.commentId}".`,
    );
  }
  if (comment.author.memberId !== member.memberId) {
    throw new ServiceError(403, 'forbidden', 'You may edit or delete only your own comments.');
  }
  if (comment.deletedAt !== null) {
    throw new ServiceError(409, 'comment-deleted', 'This comment has been deleted.');
  }
  return { thread, comment };
}

async function afterChange(
  ctx: CommentsContext,
  roomId: string,
  threadId: string,
  commentId: string,
  change: 'comment-edited' | 'comment-deleted',
): Promise<CommentEvent> {
  const updated = await reloadThread(ctx, roomId, threadId);
  const comment = updated.comments.find((c) => c.id === commentId);
  if (comment === undefined) throw threadNotFound(threadId);
  const event: CommentEvent = { threadId, clauseId: updated.clauseId, comment };
  announceComment(ctx, change, updated, event);
  if (change === 'comment-deleted') announceUnread(ctx, updated);
  return event;
}

export async function editComment(
  ctx: CommentsContext,
  member: MemberClaims,
  request: EditCommentRequest,
): Promise<CommentEvent> {
  const { thread } = await ownComment(ctx, member, request);
  await ctx.limit(member);
  const at = ctx.tick();
  const mentions = await mentionsFor(ctx, member, thread, request.body);
  const patch = { kind: 'edit' as const, body: request.body, mentions, at };
  await ctx.store.updateComment(member.roomId, thread.id, request.commentId, patch);
  return afterChange(ctx, member.roomId, thread.id, request.commentId, 'comment-edited');
}

export async function deleteComment(
  ctx: CommentsContext,
  member: MemberClaims,
  request: CommentRefRequest,
): Promise<CommentEvent> {
  const { thread } = await ownComment(ctx, member, request);
  await ctx.limit(member);
  const patch = { kind: 'delete' as const, at: ctx.tick() };
  await ctx.store.updateComment(member.roomId, thread.id, request.commentId, patch);
  return afterChange(ctx, member.roomId, thread.id, request.commentId, 'comment-deleted');
}
