import type {
  CommentAnchor,
  CommentNotification,
  CommentThread,
  CommentVisibility,
  MentionCandidate,
  SinceLastVisit,
  UnreadCounts,
} from '@parley/shared/comments';
import type {
  ClientToServerEvents,
  CommentEvent,
  ServerToClientEvents,
} from '@parley/shared/protocol';
import type { Socket } from 'socket.io-client';

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = () => void;
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

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

export interface CreateThreadInput {
  anchor: CommentAnchor;
  visibility: CommentVisibility;
  partyId?: string;
  title?: string;
  body: string;
}

const emptyUnread: UnreadCounts = { total: 0, byClause: {}, byThread: {} };
const REQUEST_TIMEOUT_MS = 10_000;

export class CommentRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function hasVisitNews(visit: SinceLastVisit): boolean {
  return (
    visit.since !== null &&
    (visit.newComments.length > 0 ||
      visit.mentions.length > 0 ||
      visit.clauseChanges.length > 0 ||
      visit.valueEffect.length > 0)
  );
}

/**
 * The comments of one room as this member may see them: threads, unread counts, notifications
 * and the "since your last visit" summary, kept live over the room's Socket.IO connection.
 * Everything arrives filtered by the server; this store only merges by id.
 */
export class CommentsStore {
  private state: CommentsState = {
    loaded: false,
    threads: [],
    unread: emptyUnread,
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
  private readonly listeners = new Set<Listener>();
  private readonly cleanups: (() => void)[] = [];
  private readonly markingRead = new Set<string>();
  private visitAsked = false;

  constructor(private readonly socket: RoomSocket) {}

  /** Starts listening on the socket (and loads once connected); returns how to stop. */
  attach(): () => void {
    const socket = this.socket;
    const on = <E extends keyof ServerToClientEvents>(
      event: E,
      handler: ServerToClientEvents[E],
    ) => {
      // Socket.IO's typed `on` cannot narrow a generic event name; the map above keeps it honest.
      (socket.on as (e: string, h: unknown) => void)(event, handler);
      this.cleanups.push(() => (socket.off as (e: string, h: unknown) => void)(event, handler));
    };
    on('comments:thread-created', (thread) => this.upsertThread(thread));
    on('comments:thread-updated', (thread) => this.upsertThread(thread));
    on('comments:comment-added', (event) => this.upsertComment(event));
    on('comments:comment-edited', (event) => this.upsertComment(event));
    on('comments:comment-deleted', (event) => this.upsertComment(event));
    on('comments:unread', (unread) => this.patch({ unread }));
    on('notifications:new', (notification) => {
      if (this.state.notifications.some((n) => n.id === notification.id)) return;
      this.patch({
        notifications: [notification, ...this.state.notifications].slice(0, 100),
        notificationsUnread: this.state.notificationsUnread + (notification.readAt ? 0 : 1),
      });
    });
    const onConnect = () => void this.reload();
    socket.on('connect', onConnect);
    this.cleanups.push(() => socket.off('connect', onConnect));
    if (socket.connected) void this.reload();
    return () => this.detach();
  }

  private detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  getState = (): CommentsState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private patch(partial: Partial<CommentsState>): void {
    this.state = { ...this.state, ...partial };
    for (const listener of this.listeners) listener();
  }

  private async request<T>(event: string, payload: unknown): Promise<T> {
    const timed = this.socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
      emitWithAck: (e: string, p: unknown) => Promise<Ack<T>>;
    };
    let answer: Ack<T>;
    try {
      answer = await timed.emitWithAck(event, payload);
    } catch {
      throw new CommentRequestError('timeout', 'The server did not answer. Try again.');
    }
    if (!answer.ok) throw new CommentRequestError(answer.error.code, answer.error.message);
    return answer.data;
  }

  /** Fetches everything again, on every (re)connection: events missed while away are not replayed. */
  async reload(): Promise<void> {
    try {
      const [list, members, notes] = await Promise.all([
        this.request<{ threads: CommentThread[]; unread: UnreadCounts }>('comments:list', {}),
        this.request<{ members: MentionCandidate[] }>('comments:members', {}),
        this.request<{ notifications: CommentNotification[]; unread: number }>(
          'notifications:list',
          {},
        ),
      ]);
      this.patch({
        loaded: true,
        threads: list.threads,
        unread: list.unread,
        members: members.members,
        notifications: notes.notifications,
        notificationsUnread: notes.unread,
      });
    } catch {
      // The next connection tries again; the panels say nothing is loaded yet.
    }
    if (!this.visitAsked) {
      this.visitAsked = true;
      try {
        const visit = await this.request<SinceLastVisit>('visit:summary', {});
        this.patch({ visit, visitOpen: hasVisitNews(visit) });
      } catch {
        this.visitAsked = false;
      }
    }
  }

  private upsertThread(thread: CommentThread): void {
    const threads = this.state.threads.some((t) => t.id === thread.id)
      ? this.state.threads.map((t) => (t.id === thread.id ? thread : t))
      : [...this.state.threads, thread];
    this.patch({ threads });
  }

  private upsertComment({ threadId, comment }: CommentEvent): void {
    const threads = this.state.threads.map((thread) => {
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
    this.patch({ threads });
  }

  async createThread(input: CreateThreadInput): Promise<CommentThread> {
    const thread = await this.request<CommentThread>('comments:create', input);
    this.upsertThread(thread);
    return thread;
  }

  async reply(threadId: string, body: string): Promise<void> {
    this.upsertComment(await this.request<CommentEvent>('comments:reply', { threadId, body }));
  }

  async edit(threadId: string, commentId: string, body: string): Promise<void> {
    this.upsertComment(
      await this.request<CommentEvent>('comments:edit', { threadId, commentId, body }),
    );
  }

  async remove(threadId: string, commentId: string): Promise<void> {
    this.upsertComment(
      await this.request<CommentEvent>('comments:delete', { threadId, commentId }),
    );
  }

  async setResolved(threadId: string, resolved: boolean): Promise<void> {
    this.upsertThread(
      await this.request<CommentThread>(resolved ? 'comments:resolve' : 'comments:reopen', {
        threadId,
      }),
    );
  }

  /** Marks a thread read once at a time; the answer carries the new counts. */
  markRead(threadId: string): void {
    if (this.markingRead.has(threadId) || !this.state.unread.byThread[threadId]) return;
    this.markingRead.add(threadId);
    this.request<UnreadCounts>('comments:mark-read', { threadId })
      .then((unread) => this.patch({ unread }))
      .catch(() => undefined)
      .finally(() => this.markingRead.delete(threadId));
  }

  async markNotificationsRead(ids?: string[]): Promise<void> {
    const result = await this.request<{ unread: number }>(
      'notifications:mark-read',
      ids ? { ids } : {},
    );
    const now = Date.now();
    this.patch({
      notificationsUnread: result.unread,
      notifications: this.state.notifications.map((n) =>
        !n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt: now } : n,
      ),
    });
  }

  async markVisit(): Promise<void> {
    await this.request<{ visitedAt: number }>('visit:mark', {});
    const visit = await this.request<SinceLastVisit>('visit:summary', {});
    this.patch({ visit });
  }

  setClauseOpen(clauseId: string, open: boolean): void {
    this.patch({ openClauses: { ...this.state.openClauses, [clauseId]: open } });
  }

  /** Opens a clause's panel on one thread, e.g. from a highlight or a notification. */
  showThread(threadId: string): void {
    const thread = this.state.threads.find((t) => t.id === threadId);
    if (!thread) return;
    this.patch({
      openClauses: { ...this.state.openClauses, [thread.clauseId]: true },
      focusThreadId: threadId,
    });
  }

  clearFocus(threadId: string): void {
    if (this.state.focusThreadId === threadId) this.patch({ focusThreadId: null });
  }

  /** Puts an anchor into the clause's "new thread" form and opens the panel. */
  startThread(anchor: CommentAnchor): void {
    this.patch({
      drafts: { ...this.state.drafts, [anchor.clauseId]: anchor },
      openClauses: { ...this.state.openClauses, [anchor.clauseId]: true },
    });
  }

  clearDraft(clauseId: string): void {
    const drafts = { ...this.state.drafts };
    delete drafts[clauseId];
    this.patch({ drafts });
  }

  setRoomPanelOpen(roomPanelOpen: boolean): void {
    this.patch({ roomPanelOpen });
  }

  setVisitOpen(visitOpen: boolean): void {
    this.patch({ visitOpen });
  }

  destroy(): void {
    this.detach();
    this.listeners.clear();
  }
}
