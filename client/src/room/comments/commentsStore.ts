// The comments of one room kept live over the room's socket: requests, answers and events all
// become updates of one zustand store that the comment views read.
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
import { createStore } from '../../lib/store';
import type { ReadStore, StoreApi } from '../../lib/store';
import {
  clauseOpened,
  commentUpserted,
  draftCleared,
  focusCleared,
  initialCommentsState,
  notificationArrived,
  notificationsRead,
  threadShown,
  threadStarted,
  threadUpserted,
  visitLoaded,
} from './commentsState';
import type { CommentsState, CommentsUpdate } from './commentsState';

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface CreateThreadInput {
  anchor: CommentAnchor;
  visibility: CommentVisibility;
  partyId?: string;
  title?: string;
  body: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

export class CommentRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The comments of one room as this member may see them: threads, unread counts, notifications
 * and the "since your last visit" summary, kept live over the room's Socket.IO connection.
 * Everything arrives filtered by the server; this store only merges by id. Views read `state`.
 */
export class CommentsStore {
  private readonly store: StoreApi<CommentsState> = createStore<CommentsState>()(
    () => initialCommentsState,
  );
  readonly state: ReadStore<CommentsState> = this.store;
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
    on('comments:thread-created', (thread) => this.update((s) => threadUpserted(s, thread)));
    on('comments:thread-updated', (thread) => this.update((s) => threadUpserted(s, thread)));
    on('comments:comment-added', (event) => this.update((s) => commentUpserted(s, event)));
    on('comments:comment-edited', (event) => this.update((s) => commentUpserted(s, event)));
    on('comments:comment-deleted', (event) => this.update((s) => commentUpserted(s, event)));
    on('comments:unread', (unread) => this.update(() => ({ unread })));
    on('notifications:new', (notification) =>
      this.update((s) => notificationArrived(s, notification)),
    );
    const onConnect = () => void this.reload();
    socket.on('connect', onConnect);
    this.cleanups.push(() => socket.off('connect', onConnect));
    if (socket.connected) void this.reload();
    return () => this.detach();
  }

  private detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private update(change: (state: CommentsState) => CommentsUpdate): void {
    const partial = change(this.store.getState());
    if (partial) this.store.setState(partial);
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
      this.update(() => ({
        loaded: true,
        threads: list.threads,
        unread: list.unread,
        members: members.members,
        notifications: notes.notifications,
        notificationsUnread: notes.unread,
      }));
    } catch {
      // The next connection tries again; the panels say nothing is loaded yet.
    }
    if (!this.visitAsked) {
      this.visitAsked = true;
      try {
        const visit = await this.request<SinceLastVisit>('visit:summary', {});
        this.update(() => visitLoaded(visit));
      } catch {
        this.visitAsked = false;
      }
    }
  }

  async createThread(input: CreateThreadInput): Promise<CommentThread> {
    const thread = await this.request<CommentThread>('comments:create', input);
    this.update((s) => threadUpserted(s, thread));
    return thread;
  }

  async reply(threadId: string, body: string): Promise<void> {
    const event = await this.request<CommentEvent>('comments:reply', { threadId, body });
    this.update((s) => commentUpserted(s, event));
  }

  async edit(threadId: string, commentId: string, body: string): Promise<void> {
    const event = await this.request<CommentEvent>('comments:edit', { threadId, commentId, body });
    this.update((s) => commentUpserted(s, event));
  }

  async remove(threadId: string, commentId: string): Promise<void> {
    const event = await this.request<CommentEvent>('comments:delete', { threadId, commentId });
    this.update((s) => commentUpserted(s, event));
  }

  async setResolved(threadId: string, resolved: boolean): Promise<void> {
    const thread = await this.request<CommentThread>(
      resolved ? 'comments:resolve' : 'comments:reopen',
      { threadId },
    );
    this.update((s) => threadUpserted(s, thread));
  }

  /** Marks a thread read once at a time; the answer carries the new counts. */
  markRead(threadId: string): void {
    if (this.markingRead.has(threadId) || !this.store.getState().unread.byThread[threadId]) return;
    this.markingRead.add(threadId);
    this.request<UnreadCounts>('comments:mark-read', { threadId })
      .then((unread) => this.update(() => ({ unread })))
      .catch(() => undefined)
      .finally(() => this.markingRead.delete(threadId));
  }

  async markNotificationsRead(ids?: string[]): Promise<void> {
    const result = await this.request<{ unread: number }>(
      'notifications:mark-read',
      ids ? { ids } : {},
    );
    const now = Date.now();
    this.update((s) => notificationsRead(s, ids, result.unread, now));
  }

  async markVisit(): Promise<void> {
    await this.request<{ visitedAt: number }>('visit:mark', {});
    const visit = await this.request<SinceLastVisit>('visit:summary', {});
    this.update(() => ({ visit }));
  }

  setClauseOpen(clauseId: string, open: boolean): void {
    this.update((s) => clauseOpened(s, clauseId, open));
  }

  /** Opens a clause's panel on one thread, e.g. from a highlight or a notification. */
  showThread(threadId: string): void {
    this.update((s) => threadShown(s, threadId));
  }

  clearFocus(threadId: string): void {
    this.update((s) => focusCleared(s, threadId));
  }

  /** Puts an anchor into the clause's "new thread" form and opens the panel. */
  startThread(anchor: CommentAnchor): void {
    this.update((s) => threadStarted(s, anchor));
  }

  clearDraft(clauseId: string): void {
    this.update((s) => draftCleared(s, clauseId));
  }

  setRoomPanelOpen(roomPanelOpen: boolean): void {
    this.update(() => ({ roomPanelOpen }));
  }

  setVisitOpen(visitOpen: boolean): void {
    this.update(() => ({ visitOpen }));
  }

  destroy(): void {
    this.detach();
  }
}
