import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import {
  canSeeThread,
  canWriteInThread,
  captureVisitBaseline,
  commentExcerpt,
  countUnread,
  parseMentions,
  readMarkerFor,
  resolveTextAnchor,
  summarizeSinceLastVisit,
  threadCreationRefusal,
  visitBaselineSchema,
} from '@parley/shared/comments';
import { computeValue } from '@parley/shared/engine';
import { can } from '@parley/shared/permissions';
import { exportTermSheet, getClauseBody, getClauseMap, readParams } from '@parley/shared/room';
import { resolveParamPath } from '@parley/shared/termsheet';
import type {
  Comment,
  CommentActor,
  CommentAnchor,
  CommentThread,
  MentionCandidate,
  SinceLastVisit,
  ThreadStatus,
  UnreadCounts,
  VisitBaseline,
} from '@parley/shared/comments';
import type {
  CommentEvent,
  CreateThreadRequest,
  EditCommentRequest,
  CommentRefRequest,
  MemberClaims,
  NotificationListResult,
  PostCommentRequest,
  ReplyRequest,
  ThreadListResult,
} from '@parley/shared/protocol';
import { ServiceError } from '../services/errors';
import { readRoomParties } from '../services/room-parties';
import type { NotificationRecord } from '../store/commentTypes';
import type { Store } from '../store/types';
import type { CommentPublisher } from './publisher';
import { silentPublisher } from './publisher';
import { RateLimiter } from './rateLimiter';
import type { RateLimitOptions } from './rateLimiter';

export interface CommentsServiceOptions {
  store: Store;
  getDoc(roomId: string): Promise<Y.Doc>;
  now(): number;
  rateLimit: RateLimitOptions;
}

const NOTIFICATION_PAGE = 100;

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

function actorOf(member: MemberClaims): CommentActor {
  return {
    memberId: member.memberId,
    name: member.name,
    role: member.role,
    partyId: member.partyId,
  };
}

function threadNotFound(threadId: string): ServiceError {
  // The same answer for a hidden thread and a missing one: nobody learns a private thread exists.
  return new ServiceError(
    404,
    'not-found',
    `There is no comment thread "${threadId}" in this room.`,
  );
}

/**
 * Comment threads, read state, visits and notifications, with every rule of who may see and do
 * what. Socket.IO and REST both call this; neither adds rules of its own.
 */
export class CommentsService {
  private publisher: CommentPublisher = silentPublisher;
  private readonly limiter: RateLimiter;
  private lastAt = 0;
  private stopped = false;

  constructor(private readonly options: CommentsServiceOptions) {
    this.limiter = new RateLimiter(options.rateLimit, options.now);
  }

  setPublisher(publisher: CommentPublisher): void {
    this.publisher = publisher;
  }

  /** The server is stopping: connections closing now are not visits ending. */
  stop(): void {
    this.stopped = true;
  }

  /** Strictly increasing times, so "after my read marker" is never ambiguous. */
  private now(): number {
    this.lastAt = Math.max(this.options.now(), this.lastAt + 1);
    return this.lastAt;
  }

  private limit(member: MemberClaims): void {
    const waitMs = this.limiter.take(`${member.roomId}\u0000${member.memberId}`);
    if (waitMs > 0) {
      throw new ServiceError(
        429,
        'rate-limited',
        `You are commenting too fast; try again in ${Math.ceil(waitMs / 1000)} s.`,
        { retryAfterMs: waitMs },
      );
    }
  }

  private requireCommenter(member: MemberClaims): void {
    if (!can(member.role, 'comment')) {
      throw new ServiceError(403, 'forbidden', 'Observers may read comments but not write them.');
    }
  }

  private async visibleThreads(member: MemberClaims): Promise<CommentThread[]> {
    const threads = await this.options.store.listThreads(member.roomId);
    return threads.filter((t) => canSeeThread(member, t));
  }

  private async visibleThread(member: MemberClaims, threadId: string): Promise<CommentThread> {
    const thread = await this.options.store.getThread(member.roomId, threadId);
    if (thread === undefined || !canSeeThread(member, thread)) throw threadNotFound(threadId);
    return thread;
  }

  private async reload(member: MemberClaims, threadId: string): Promise<CommentThread> {
    const thread = await this.options.store.getThread(member.roomId, threadId);
    if (thread === undefined) throw threadNotFound(threadId);
    return thread;
  }

  async unread(member: MemberClaims): Promise<UnreadCounts> {
    const [threads, markers] = await Promise.all([
      this.visibleThreads(member),
      this.options.store.listReadMarkers(member.roomId, member.memberId),
    ]);
    return countUnread(threads, member.memberId, markers);
  }

  async listThreads(member: MemberClaims, clauseId?: string): Promise<ThreadListResult> {
    const [threads, unread] = await Promise.all([this.visibleThreads(member), this.unread(member)]);
    return {
      threads: clauseId === undefined ? threads : threads.filter((t) => t.clauseId === clauseId),
      unread,
    };
  }

  private async checkAnchor(roomId: string, anchor: CommentAnchor): Promise<void> {
    const doc = await this.options.getDoc(roomId);
    if (getClauseMap(doc, anchor.clauseId) === undefined) {
      throw new ServiceError(
        400,
        'invalid-anchor',
        `There is no clause "${anchor.clauseId}" in this room.`,
      );
    }
    if (anchor.type === 'param') {
      if (resolveParamPath(readParams(doc, anchor.clauseId), anchor.param) === undefined) {
        throw new ServiceError(
          400,
          'invalid-anchor',
          `Clause "${anchor.clauseId}" has no parameter "${anchor.param}".`,
        );
      }
    }
    if (anchor.type === 'text') {
      const body = getClauseBody(doc, anchor.clauseId);
      if (body === undefined || resolveTextAnchor(body, anchor).detached) {
        throw new ServiceError(
          400,
          'invalid-anchor',
          `The text range does not lie inside the body of clause "${anchor.clauseId}" (start and end must be Yjs relative positions of that body, start before end).`,
        );
      }
    }
  }

  private async audiencePartyOf(
    member: MemberClaims,
    request: CreateThreadRequest,
  ): Promise<string | null> {
    if (request.visibility === 'room') return request.partyId ?? null;
    if (request.partyId !== undefined && request.partyId !== null) {
      if (request.visibility === 'caucus' && member.role === 'mediator') {
        const parties = readRoomParties(await this.options.getDoc(member.roomId));
        if (!parties.some((p) => p.id === request.partyId)) {
          throw new ServiceError(
            400,
            'invalid-payload',
            `There is no party "${request.partyId}" in this room.`,
          );
        }
      }
      return request.partyId;
    }
    return member.partyId;
  }

  /** Mentioned members who exist, are not revoked, may see the thread and are not the author. */
  private async mentionsFor(
    member: MemberClaims,
    thread: Pick<CommentThread, 'visibility' | 'partyId'>,
    body: string,
  ): Promise<string[]> {
    const refs = parseMentions(body);
    if (refs.length === 0) return [];
    const members = await this.options.store.listMembers(member.roomId);
    return refs
      .map((ref) => members.find((m) => m.id === ref.memberId))
      .filter((m) => m !== undefined && m.revokedAt === null && m.id !== member.memberId)
      .filter((m) => canSeeThread(m!, thread))
      .map((m) => m!.id);
  }

  async createThread(member: MemberClaims, request: CreateThreadRequest): Promise<CommentThread> {
    this.requireCommenter(member);
    const partyId = await this.audiencePartyOf(member, request);
    const audience = { visibility: request.visibility, partyId };
    const refusal = threadCreationRefusal(member, audience);
    if (refusal !== null) throw new ServiceError(403, 'forbidden', refusal);
    await this.checkAnchor(member.roomId, request.anchor);
    this.limit(member);
    const at = this.now();
    const id = newId('t');
    const first: Comment = {
      id: newId('c'),
      threadId: id,
      author: actorOf(member),
      body: request.body,
      mentions: await this.mentionsFor(member, audience, request.body),
      createdAt: at,
      editedAt: null,
      deletedAt: null,
    };
    const thread: CommentThread = {
      id,
      roomId: member.roomId,
      clauseId: request.anchor.clauseId,
      anchor: request.anchor,
      visibility: request.visibility,
      partyId,
      title: request.title?.trim() || null,
      createdBy: actorOf(member),
      createdAt: at,
      updatedAt: at,
      status: 'open',
      statusChangedBy: null,
      statusChangedAt: null,
      comments: [first],
    };
    await this.options.store.createThread(member.roomId, thread);
    await this.options.store.markThreadRead(member.roomId, member.memberId, id, at);
    this.publisher.threadCreated(thread);
    await this.notifyFor(thread, first);
    this.publisher.unreadChanged(thread, (m) => this.unread(m));
    return thread;
  }

  async reply(member: MemberClaims, request: ReplyRequest): Promise<CommentEvent> {
    this.requireCommenter(member);
    const thread = await this.visibleThread(member, request.threadId);
    if (!canWriteInThread(member, thread)) throw threadNotFound(request.threadId);
    this.limit(member);
    const at = this.now();
    const comment: Comment = {
      id: newId('c'),
      threadId: thread.id,
      author: actorOf(member),
      body: request.body,
      mentions: await this.mentionsFor(member, thread, request.body),
      createdAt: at,
      editedAt: null,
      deletedAt: null,
    };
    if (!(await this.options.store.addComment(member.roomId, comment))) {
      throw threadNotFound(thread.id);
    }
    await this.options.store.markThreadRead(member.roomId, member.memberId, thread.id, at);
    const updated = await this.reload(member, thread.id);
    const event: CommentEvent = { threadId: thread.id, clauseId: thread.clauseId, comment };
    this.publisher.commentChanged('comment-added', updated, event);
    await this.notifyFor(thread, comment);
    this.publisher.unreadChanged(updated, (m) => this.unread(m));
    return event;
  }

  /** Mentions, and replies in threads the recipient wrote in; one notification per person. */
  private async notifyFor(thread: CommentThread, comment: Comment): Promise<void> {
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
    const members = await this.options.store.listMembers(thread.roomId);
    for (const earlier of thread.comments) {
      if (earlier.id === comment.id) continue;
      const writer = members.find((m) => m.id === earlier.author.memberId);
      // Someone who can no longer see the thread (revoked, or moved party) hears nothing of it.
      if (writer === undefined || writer.revokedAt !== null || !canSeeThread(writer, thread))
        continue;
      add(writer.id, 'reply');
    }
    await this.options.store.addNotifications(records);
    for (const record of records) {
      const { roomId, memberId, ...notification } = record;
      this.publisher.notify(roomId, memberId, notification);
    }
  }

  private async ownComment(
    member: MemberClaims,
    request: CommentRefRequest,
  ): Promise<{ thread: CommentThread; comment: Comment }> {
    this.requireCommenter(member);
    const thread = await this.visibleThread(member, request.threadId);
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

  async editComment(member: MemberClaims, request: EditCommentRequest): Promise<CommentEvent> {
    const { thread } = await this.ownComment(member, request);
    this.limit(member);
    const at = this.now();
    const mentions = await this.mentionsFor(member, thread, request.body);
    const patch = { kind: 'edit' as const, body: request.body, mentions, at };
    await this.options.store.updateComment(member.roomId, thread.id, request.commentId, patch);
    return this.afterChange(member, thread.id, request.commentId, 'comment-edited');
  }

  async deleteComment(member: MemberClaims, request: CommentRefRequest): Promise<CommentEvent> {
    const { thread } = await this.ownComment(member, request);
    this.limit(member);
    const patch = { kind: 'delete' as const, at: this.now() };
    await this.options.store.updateComment(member.roomId, thread.id, request.commentId, patch);
    return this.afterChange(member, thread.id, request.commentId, 'comment-deleted');
  }

  private async afterChange(
    member: MemberClaims,
    threadId: string,
    commentId: string,
    change: 'comment-edited' | 'comment-deleted',
  ): Promise<CommentEvent> {
    const updated = await this.reload(member, threadId);
    const comment = updated.comments.find((c) => c.id === commentId);
    if (comment === undefined) throw threadNotFound(threadId);
    const event: CommentEvent = { threadId, clauseId: updated.clauseId, comment };
    this.publisher.commentChanged(change, updated, event);
    if (change === 'comment-deleted') this.publisher.unreadChanged(updated, (m) => this.unread(m));
    return event;
  }

  async setStatus(
    member: MemberClaims,
    threadId: string,
    status: ThreadStatus,
  ): Promise<CommentThread> {
    this.requireCommenter(member);
    const thread = await this.visibleThread(member, threadId);
    if (!canWriteInThread(member, thread)) throw threadNotFound(threadId);
    if (thread.status === status) return thread;
    this.limit(member);
    await this.options.store.setThreadStatus(
      member.roomId,
      threadId,
      status,
      actorOf(member),
      this.now(),
    );
    const updated = await this.reload(member, threadId);
    this.publisher.threadUpdated(updated);
    return updated;
  }

  async markRead(member: MemberClaims, threadId: string): Promise<UnreadCounts> {
    const thread = await this.visibleThread(member, threadId);
    await this.options.store.markThreadRead(
      member.roomId,
      member.memberId,
      thread.id,
      readMarkerFor(thread, this.now()),
    );
    return this.unread(member);
  }

  /** Everyone admitted to the room (not revoked), for @mention autocomplete. */
  async mentionCandidates(member: MemberClaims): Promise<MentionCandidate[]> {
    const members = await this.options.store.listMembers(member.roomId);
    return members
      .filter((m) => m.revokedAt === null)
      .map((m) => ({ memberId: m.id, name: m.name, role: m.role, partyId: m.partyId }));
  }

  async listNotifications(member: MemberClaims): Promise<NotificationListResult> {
    const [notifications, unread] = await Promise.all([
      this.options.store.listNotifications(member.roomId, member.memberId, NOTIFICATION_PAGE),
      this.options.store.countUnreadNotifications(member.roomId, member.memberId),
    ]);
    return { notifications, unread };
  }

  async markNotificationsRead(
    member: MemberClaims,
    ids: readonly string[] | null,
  ): Promise<{ unread: number }> {
    await this.options.store.markNotificationsRead(member.roomId, member.memberId, ids, this.now());
    return {
      unread: await this.options.store.countUnreadNotifications(member.roomId, member.memberId),
    };
  }

  /** REST's single POST: a reply when `threadId` is given, else a new thread. */
  async post(
    member: MemberClaims,
    request: PostCommentRequest,
  ): Promise<{ thread: CommentThread; comment: Comment }> {
    if ('threadId' in request) {
      const event = await this.reply(member, request);
      return { thread: await this.reload(member, event.threadId), comment: event.comment };
    }
    const thread = await this.createThread(member, request);
    return { thread, comment: thread.comments[0]! };
  }

  private async currentBaseline(roomId: string, at: number): Promise<VisitBaseline> {
    const termsheet = exportTermSheet(await this.options.getDoc(roomId));
    return captureVisitBaseline(termsheet, computeValue(termsheet), at);
  }

  /** Ends a visit: the next summary reports what changes after this moment. */
  async markVisited(member: MemberClaims): Promise<{ visitedAt: number }> {
    const at = this.now();
    if (this.stopped) return { visitedAt: at };
    const baseline = await this.currentBaseline(member.roomId, at);
    await this.options.store.saveVisit(member.roomId, member.memberId, {
      visitedAt: at,
      baseline: JSON.stringify(baseline),
    });
    return { visitedAt: at };
  }

  async sinceLastVisit(member: MemberClaims): Promise<SinceLastVisit> {
    const visit = await this.options.store.getVisit(member.roomId, member.memberId);
    let previous: VisitBaseline | null = null;
    if (visit !== undefined) {
      // An unreadable baseline (say, from an older format) counts as a first visit, not a failure.
      let raw: unknown = null;
      try {
        raw = JSON.parse(visit.baseline);
      } catch {
        raw = null;
      }
      const parsed = visitBaselineSchema.safeParse(raw);
      previous = parsed.success ? parsed.data : null;
    }
    const current = await this.currentBaseline(member.roomId, this.now());
    const [threads, changes, members] = await Promise.all([
      this.visibleThreads(member),
      previous === null ? [] : this.options.store.listClauseChanges(member.roomId, previous.at),
      this.options.store.listMembers(member.roomId),
    ]);
    const names: Record<string, string> = {};
    for (const m of members) names[m.id] = m.name;
    return summarizeSinceLastVisit({
      memberId: member.memberId,
      previous,
      current,
      threads,
      changes,
      names,
    });
  }
}
