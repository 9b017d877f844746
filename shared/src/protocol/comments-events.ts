// The Socket.IO events of comments, notifications and visits in both directions; the server sends
// each comment event only to members who may see its thread.
import type { AckCallback } from './ack';
import type {
  Comment,
  CommentNotification,
  CommentThread,
  MentionCandidate,
  UnreadCounts,
} from '../comments/schemas';
import type { SinceLastVisit } from '../comments/visit-schemas';
import type {
  CommentRefRequest,
  CreateThreadRequest,
  EditCommentRequest,
  ListThreadsRequest,
  MarkNotificationsRequest,
  ReplyRequest,
  ThreadRefRequest,
} from './comments';

/** A comment event as it reaches a member allowed to see its thread. */
export interface CommentEvent {
  threadId: string;
  clauseId: string;
  comment: Comment;
}

export interface ThreadListResult {
  threads: CommentThread[];
  unread: UnreadCounts;
}

export interface NotificationListResult {
  notifications: CommentNotification[];
  unread: number;
}

/** Comment events the server emits, each only to sockets whose member may see the thread. */
export interface CommentServerToClientEvents {
  'comments:thread-created': (thread: CommentThread) => void;
  /** Status (resolve/reopen) or anything else about the thread changed; carries the whole thread. */
  'comments:thread-updated': (thread: CommentThread) => void;
  'comments:comment-added': (event: CommentEvent) => void;
  'comments:comment-edited': (event: CommentEvent) => void;
  'comments:comment-deleted': (event: CommentEvent) => void;
  /** This member's unread counts changed (a new comment, or they read a thread elsewhere). */
  'comments:unread': (unread: UnreadCounts) => void;
  'notifications:new': (notification: CommentNotification) => void;
}

/** Comment events a client emits; every payload is validated with the schema of the same name. */
export interface CommentClientToServerEvents {
  'comments:list': (payload: ListThreadsRequest, ack: AckCallback<ThreadListResult>) => void;
  'comments:create': (payload: CreateThreadRequest, ack: AckCallback<CommentThread>) => void;
  'comments:reply': (payload: ReplyRequest, ack: AckCallback<CommentEvent>) => void;
  'comments:edit': (payload: EditCommentRequest, ack: AckCallback<CommentEvent>) => void;
  'comments:delete': (payload: CommentRefRequest, ack: AckCallback<CommentEvent>) => void;
  'comments:resolve': (payload: ThreadRefRequest, ack: AckCallback<CommentThread>) => void;
  'comments:reopen': (payload: ThreadRefRequest, ack: AckCallback<CommentThread>) => void;
  'comments:mark-read': (payload: ThreadRefRequest, ack: AckCallback<UnreadCounts>) => void;
  'comments:members': (
    payload: Record<string, never>,
    ack: AckCallback<{ members: MentionCandidate[] }>,
  ) => void;
  'notifications:list': (
    payload: Record<string, never>,
    ack: AckCallback<NotificationListResult>,
  ) => void;
  'notifications:mark-read': (
    payload: MarkNotificationsRequest,
    ack: AckCallback<{ unread: number }>,
  ) => void;
  'visit:summary': (payload: Record<string, never>, ack: AckCallback<SinceLastVisit>) => void;
  /** Records the visit now: the next summary reports changes after this moment. */
  'visit:mark': (payload: Record<string, never>, ack: AckCallback<{ visitedAt: number }>) => void;
}

/** Every client→server comment event name, for the server's list of handled events. */
export const commentClientEvents = [
  'comments:list',
  'comments:create',
  'comments:reply',
  'comments:edit',
  'comments:delete',
  'comments:resolve',
  'comments:reopen',
  'comments:mark-read',
  'comments:members',
  'notifications:list',
  'notifications:mark-read',
  'visit:summary',
  'visit:mark',
] as const satisfies readonly (keyof CommentClientToServerEvents)[];
