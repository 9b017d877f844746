// What the comment views show, and every change to it as a pure function of the last state: the
// store applies them to server events and answers, and tests apply them without a server.
import type {
  CommentAnchor,
  CommentNotification,
  CommentThread,
  MentionCandidate,
  SinceLastVisit,
  UnreadCounts,
} from '@parley/shared/comments';
import type { CommentEvent } from '@parley/shared/protocol';

export interface CommentsState {
  loaded: boolean;
  threads: CommentThread[];
  unread: UnreadCounts;
  members: MentionCandidate[];
  notifications: CommentNotification[];
  notificationsUnread: number;
  visit: SinceLastVisit | null;
  /** Clauses whose comment panel is open. */
  openClauses: Record<string, boolean>;
  /** A thread someone asked to see (from a highlight, a notification or the summary). */
  focusThreadId: string | null;
  /** An anchor waiting in a clause's "new thread" form. */
  drafts: Record<string, CommentAnchor>;
  roomPanelOpen: boolean;
  visitOpen: boolean;
}

/** A change to the state: the fields that change, or null when nothing does. */
export type CommentsUpdate = Partial<CommentsState> | null;

/** The bell keeps this many notifications; older ones are in the server's list. */
const NOTIFICATIONS_KEPT = 100;

export const initialCommentsState: CommentsState = {
  loaded: false,
  threads: [],
  unread: { total: 0, byClause: {}, byThread: {} },
  members: [],
  notifications: [],
  notificationsUnread: 0,
  visit: null,
  openClauses: {},
  focusThreadId: null,
  drafts: {},
  roomPanelOpen: false,
  visitOpen: false,
};

/** Whether anything happened since the last visit: only then does the summary open by itself. */
export function hasVisitNews(visit: SinceLastVisit): boolean {
  return (
    visit.since !== null &&
    (visit.newComments.length > 0 ||
      visit.mentions.length > 0 ||
      visit.clauseChanges.length > 0 ||
      visit.valueEffect.length > 0)
  );
}

/**
 * The server offers for @mention only the people the member may address, which includes anyone
 * who wrote in a thread the member can read: a newcomer to a thread joins the list at once.
 */
function withSpeakers(
  members: MentionCandidate[],
  speakers: readonly MentionCandidate[],
): MentionCandidate[] {
  const added = speakers.filter(
    (s, i) =>
      !members.some((m) => m.memberId === s.memberId) &&
      speakers.findIndex((o) => o.memberId === s.memberId) === i,
  );
  return added.length === 0 ? members : [...members, ...added];
}

function speakerOf(actor: MentionCandidate): MentionCandidate {
  return { memberId: actor.memberId, name: actor.name, role: actor.role, partyId: actor.partyId };
}

/** A thread created, updated, resolved or reopened: replaces the one with its id, or joins. */
export function threadUpserted(state: CommentsState, thread: CommentThread): CommentsUpdate {
  const threads = state.threads.some((t) => t.id === thread.id)
    ? state.threads.map((t) => (t.id === thread.id ? thread : t))
    : [...state.threads, thread];
  const members = withSpeakers(state.members, [
    speakerOf(thread.createdBy),
    ...thread.comments.map((c) => speakerOf(c.author)),
  ]);
  return members === state.members ? { threads } : { threads, members };
}

/**
 * A comment added, edited or deleted (deleted comments stay, blanked, so replies keep their
 * sense): replaces the one with its id or joins in creation order; the thread's time follows.
 */
export function commentUpserted(
  state: CommentsState,
  { threadId, comment }: CommentEvent,
): CommentsUpdate {
  const threads = state.threads.map((thread) => {
    if (thread.id !== threadId) return thread;
    const exists = thread.comments.some((c) => c.id === comment.id);
    const comments = exists
      ? thread.comments.map((c) => (c.id === comment.id ? comment : c))
      : [...thread.comments, comment].sort((a, b) => a.createdAt - b.createdAt);
    return {
      ...thread,
      comments,
      updatedAt: Math.max(thread.updatedAt, comment.editedAt ?? comment.createdAt),
    };
  });
  const members = withSpeakers(state.members, [speakerOf(comment.author)]);
  return members === state.members ? { threads } : { threads, members };
}

/** A live notification: newest first, once, counted as unread unless already read elsewhere. */
export function notificationArrived(
  state: CommentsState,
  notification: CommentNotification,
): CommentsUpdate {
  if (state.notifications.some((n) => n.id === notification.id)) return null;
  return {
    notifications: [notification, ...state.notifications].slice(0, NOTIFICATIONS_KEPT),
    notificationsUnread: state.notificationsUnread + (notification.readAt ? 0 : 1),
  };
}

/** The server marked some (or, without ids, all) notifications read and counted what is left. */
export function notificationsRead(
  state: CommentsState,
  ids: string[] | undefined,
  unread: number,
  now: number,
): CommentsUpdate {
  return {
    notificationsUnread: unread,
    notifications: state.notifications.map((n) =>
      !n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt: now } : n,
    ),
  };
}

/** The summary of the last visit; it opens by itself only when there is news. */
export function visitLoaded(visit: SinceLastVisit): CommentsUpdate {
  return { visit, visitOpen: hasVisitNews(visit) };
}

export function clauseOpened(
  state: CommentsState,
  clauseId: string,
  open: boolean,
): CommentsUpdate {
  return { openClauses: { ...state.openClauses, [clauseId]: open } };
}

/** Opens a clause's panel on one of its threads; a thread this member cannot see changes nothing. */
export function threadShown(state: CommentsState, threadId: string): CommentsUpdate {
  const thread = state.threads.find((t) => t.id === threadId);
  if (!thread) return null;
  return {
    openClauses: { ...state.openClauses, [thread.clauseId]: true },
    focusThreadId: threadId,
  };
}

/** The thread was brought into view: the request to show it is spent, unless another replaced it. */
export function focusCleared(state: CommentsState, threadId: string): CommentsUpdate {
  return state.focusThreadId === threadId ? { focusThreadId: null } : null;
}

/** Puts an anchor into its clause's "new thread" form and opens that clause's panel. */
export function threadStarted(state: CommentsState, anchor: CommentAnchor): CommentsUpdate {
  return {
    drafts: { ...state.drafts, [anchor.clauseId]: anchor },
    openClauses: { ...state.openClauses, [anchor.clauseId]: true },
  };
}

export function draftCleared(state: CommentsState, clauseId: string): CommentsUpdate {
  if (!(clauseId in state.drafts)) return null;
  const drafts = { ...state.drafts };
  delete drafts[clauseId];
  return { drafts };
}
