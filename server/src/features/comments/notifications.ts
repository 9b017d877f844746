// Notifications: a mention, or a reply in a thread the member wrote in; one per person and
// comment, and only to members who can still see the thread.
import { canSeeThread, commentExcerpt } from '@parley/shared/comments';
import type { Comment, CommentThread } from '@parley/shared/comments';
import type { MemberClaims, NotificationListResult } from '@parley/shared/protocol';
import { newId } from '../../ids';
import { memberAudience } from '../../realtime';
import type { CommentsContext } from './context';
import type { NotificationRecord } from './storeTypes';

const NOTIFICATION_PAGE = 100;

export async function notifyFor(
  ctx: CommentsContext,
  thread: CommentThread,
  comment: Comment,
): Promise<void> {
  const authorId = comment.author.memberId;
  const records: NotificationRecord[] = [];
  const excerpt = commentExcerpt(comment.body);
  const add = (memberId: string, kind: 'mention' | 'reply') => {
    if (memberId === authorId || records.some((r) => r.memberId === memberId)) return;
    records.push({
      id: newId('n'),
      roomId: thread.roomId,
      memberId,
      kind,
      threadId: thread.id,
      clauseId: thread.clauseId,
      commentId: comment.id,
      actor: comment.author,
      excerpt,
      createdAt: comment.createdAt,
      readAt: null,
    });
  };
  for (const memberId of comment.mentions) add(memberId, 'mention');
  const members = await ctx.store.listMembers(thread.roomId);
  for (const earlier of thread.comments) {
    if (earlier.id === comment.id) continue;
    const writer = members.find((m) => m.id === earlier.author.memberId);
    // Someone who can no longer see the thread (revoked, or moved party) hears nothing of it.
    if (writer === undefined || writer.revokedAt !== null || !canSeeThread(writer, thread))
      continue;
    add(writer.id, 'reply');
  }
  await ctx.store.addNotifications(records);
  for (const record of records) {
    const { roomId, memberId, ...notification } = record;
    ctx.broadcast.to(roomId, memberAudience(memberId)).emit('notifications:new', notification);
  }
}

export async function listNotifications(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<NotificationListResult> {
  const [notifications, unread] = await Promise.all([
    ctx.store.listNotifications(member.roomId, member.memberId, NOTIFICATION_PAGE),
    ctx.store.countUnreadNotifications(member.roomId, member.memberId),
  ]);
  return { notifications, unread };
}

export async function markNotificationsRead(
  ctx: CommentsContext,
  member: MemberClaims,
  ids: readonly string[] | null,
): Promise<{ unread: number }> {
  await ctx.store.markNotificationsRead(member.roomId, member.memberId, ids, ctx.tick());
  return { unread: await ctx.store.countUnreadNotifications(member.roomId, member.memberId) };
}
