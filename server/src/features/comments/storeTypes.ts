// What the comments slice of the store offers; who may see what is the services' business.
import type {
  Comment,
  CommentActor,
  CommentNotification,
  CommentThread,
  ThreadStatus,
} from '@parley/shared/comments';

/** A member's previous visit: when it ended and what the room looked like then (JSON). */
export interface VisitRecord {
  visitedAt: number;
  /** `VisitBaseline` as JSON; parsed and checked by the comments service. */
  baseline: string;
}

export interface NotificationRecord extends CommentNotification {
  roomId: string;
  memberId: string;
}

/** A change to one comment: a new body (an edit) or a deletion (the body is cleared). */
export type CommentPatch =
  | { kind: 'edit'; body: string; mentions: readonly string[]; at: number }
  | { kind: 'delete'; at: number };

/**
 * Comment threads, read markers, visits and notifications. The store keeps every thread of a
 * room whatever its visibility; filtering per member is the comments service's job.
 */
export interface CommentStore {
  /** Stores a thread with its first comment, in one transaction. */
  createThread(roomId: string, thread: CommentThread): Promise<void>;
  getThread(roomId: string, threadId: string): Promise<CommentThread | undefined>;
  /** Every thread of the room with its comments, oldest first. */
  listThreads(roomId: string): Promise<CommentThread[]>;
  /** Appends a comment and bumps the thread's updatedAt; false when there is no such thread. */
  addComment(roomId: string, comment: Comment): Promise<boolean>;
  /** Edits or tombstones a comment; false when there is no such comment in that thread. */
  updateComment(
    roomId: string,
    threadId: string,
    commentId: string,
    patch: CommentPatch,
  ): Promise<boolean>;
  setThreadStatus(
    roomId: string,
    threadId: string,
    status: ThreadStatus,
    actor: CommentActor,
    at: number,
  ): Promise<boolean>;

  /** Moves the member's read marker of a thread forward to `at` (never back). */
  markThreadRead(roomId: string, memberId: string, threadId: string, at: number): Promise<void>;
  /** thread id → read marker of one member. */
  listReadMarkers(roomId: string, memberId: string): Promise<Record<string, number>>;

  getVisit(roomId: string, memberId: string): Promise<VisitRecord | undefined>;
  saveVisit(roomId: string, memberId: string, visit: VisitRecord): Promise<void>;

  addNotifications(notifications: readonly NotificationRecord[]): Promise<void>;
  /** A member's notifications, newest first. */
  listNotifications(
    roomId: string,
    memberId: string,
    limit: number,
  ): Promise<CommentNotification[]>;
  /** Marks the given (or, with null, all) unread notifications read; returns how many changed. */
  markNotificationsRead(
    roomId: string,
    memberId: string,
    ids: readonly string[] | null,
    at: number,
  ): Promise<number>;
  countUnreadNotifications(roomId: string, memberId: string): Promise<number>;
}
