import type { CommentNotification, CommentThread, UnreadCounts } from '@parley/shared/comments';
import type { CommentEvent, MemberClaims } from '@parley/shared/protocol';

export type CommentChange = 'comment-added' | 'comment-edited' | 'comment-deleted';

/**
 * Where the comments service sends live changes. The implementation must deliver each one only
 * to connections whose member may see the thread (see realtime/comments-realtime.ts).
 */
export interface CommentPublisher {
  threadCreated(thread: CommentThread): void;
  threadUpdated(thread: CommentThread): void;
  commentChanged(change: CommentChange, thread: CommentThread, event: CommentEvent): void;
  /** Recomputes and pushes unread counts to every online member who may see the thread. */
  unreadChanged(
    thread: CommentThread,
    unreadFor: (member: MemberClaims) => Promise<UnreadCounts>,
  ): void;
  notify(roomId: string, memberId: string, notification: CommentNotification): void;
}

export const silentPublisher: CommentPublisher = {
  threadCreated: () => undefined,
  threadUpdated: () => undefined,
  commentChanged: () => undefined,
  unreadChanged: () => undefined,
  notify: () => undefined,
};
