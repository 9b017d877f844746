// Unread counts per member and thread, and moving a member's read marker.
import { countUnread, readMarkerFor } from '@parley/shared/comments';
import type { UnreadCounts } from '@parley/shared/comments';
import type { MemberClaims } from '@parley/shared/protocol';
import { visibleThread, visibleThreads } from './access';
import type { CommentsContext } from './context';

export async function unreadCounts(
  ctx: CommentsContext,
  member: MemberClaims,
): Promise<UnreadCounts> {
  const [threads, markers] = await Promise.all([
    visibleThreads(ctx, member),
    ctx.store.listReadMarkers(member.roomId, member.memberId),
  ]);
  return countUnread(threads, member.memberId, markers);
}

/** Marks a thread read; the member's other tabs are told the new counts too. */
export async function markRead(
  ctx: CommentsContext,
  member: MemberClaims,
  threadId: string,
): Promise<UnreadCounts> {
  const thread = await visibleThread(ctx, member, threadId);
  await ctx.store.markThreadRead(
    member.roomId,
    member.memberId,
    thread.id,
    readMarkerFor(thread, ctx.tick()),
  );
  return unreadCounts(ctx, member);
}
