// Opening threads and replying: the anchor must exist in the live document, the audience must be
// one the author may address, and every reply reaches exactly the thread's audience.
import {
  canWriteInThread,
  resolveTextAnchor,
  threadCreationRefusal,
} from '@parley/shared/comments';
import type { Comment, CommentAnchor, CommentThread, ThreadStatus } from '@parley/shared/comments';
import { actorOf } from '@parley/shared/protocol';
import type {
  CommentEvent,
  CreateThreadRequest,
  MemberClaims,
  PostCommentRequest,
  ReplyRequest,
  ThreadListResult,
} from '@parley/shared/protocol';
import { getClauseBody, getClauseMap, readParams, readRoomParties } from '@parley/shared/room';
import { resolveParamPath } from '@parley/shared/termsheet';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import { reloadThread, threadNotFound, visibleThread, visibleThreads } from './access';
import { requireCommenter } from './context';
import type { CommentsContext } from './context';
import { announceComment, announceThread, announceUnread } from './live';
import { mentionsFor } from './mentions';
import { notifyFor } from './notifications';
import { unreadCounts } from './reads';

export async function listThreads(
  ctx: CommentsContext,
  member: MemberClaims,
  clauseId?: string,
): Promise<ThreadListResult> {
  const [threads, unread] = await Promise.all([
    visibleThreads(ctx, member),
    unreadCounts(ctx, member),
  ]);
  return {
    threads: clauseId === undefined ? threads : threads.filter((t) => t.clauseId === clauseId),
    unread,
  };
}

async function checkAnchor(
  ctx: CommentsContext,
  roomId: string,
  anchor: CommentAnchor,
): Promise<void> {
  const doc = await ctx.rooms.getDoc(roomId);
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

/** The party a new thread is addressed to: the one named, or the author's own. */
async function audiencePartyOf(
  ctx: CommentsContext,
  member: MemberClaims,
  request: CreateThreadRequest,
): Promise<string | null> {
  if (request.visibility === 'room') return request.partyId ?? null;
  if (request.partyId !== undefined && request.partyId !== null) {
    if (request.visibility === 'caucus' && member.role === 'mediator') {
      const parties = readRoomParties(await ctx.rooms.getDoc(member.roomId));
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

export async function createThread(
  ctx: CommentsContext,
  member: MemberClaims,
  request: CreateThreadRequest,
): Promise<CommentThread> {
  requireCommenter(member);
  const partyId = await audiencePartyOf(ctx, member, request);
  const audience = { visibility: request.visibility, partyId };
  const refusal = threadCreationRefusal(member, audience);
  if (refusal !== null) throw new ServiceError(403, 'forbidden', refusal);
  await checkAnchor(ctx, member.roomId, request.anchor);
  await ctx.limit(member);
  const at = ctx.tick();
  const id = newId('t');
  const first: Comment = {
    id: newId('c'),
    threadId: id,
    author: actorOf(member),
    body: request.body,
    mentions: await mentionsFor(ctx, member, audience, request.body),
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
  await ctx.store.createThread(member.roomId, thread);
  await ctx.store.markThreadRead(member.roomId, member.memberId, id, at);
  announceThread(ctx, thread, 'created');
  await notifyFor(ctx, thread, first);
  announceUnread(ctx, thread);
  return thread;
}

export async function reply(
  ctx: CommentsContext,
  member: MemberClaims,
  request: ReplyRequest,
): Promise<CommentEvent> {
  requireCommenter(member);
  const thread = await visibleThread(ctx, member, request.threadId);
  if (!canWriteInThread(member, thread)) throw threadNotFound(request.threadId);
  await ctx.limit(member);
  const at = ctx.tick();
  const comment: Comment = {
    id: newId('c'),
    threadId: thread.id,
    author: actorOf(member),
    body: request.body,
    mentions: await mentionsFor(ctx, member, thread, request.body),
    createdAt: at,
    editedAt: null,
    deletedAt: null,
  };
  if (!(await ctx.store.addComment(member.roomId, comment))) throw threadNotFound(thread.id);
  await ctx.store.markThreadRead(member.roomId, member.memberId, thread.id, at);
  const updated = await reloadThread(ctx, member.roomId, thread.id);
  const event: CommentEvent = { threadId: thread.id, clauseId: thread.clauseId, comment };
  announceComment(ctx, 'comment-added', updated, event);
  await notifyFor(ctx, thread, comment);
  announceUnread(ctx, updated);
  return event;
}

/** REST's single POST: a reply when `threadId` is given, else a new thread. */
export async function post(
  ctx: CommentsContext,
  member: MemberClaims,
  request: PostCommentRequest,
): Promise<{ thread: CommentThread; comment: Comment }> {
  if ('threadId' in request) {
    const event = await reply(ctx, member, request);
    return {
      thread: await reloadThread(ctx, member.roomId, event.threadId),
      comment: event.comment,
    };
  }
  const thread = await createThread(ctx, member, request);
  return { thread, comment: thread.comments[0]! };
}

export async function setThreadStatus(
  ctx: CommentsContext,
  member: MemberClaims,
  threadId: string,
  status: ThreadStatus,
): Promise<CommentThread> {
  requireCommenter(member);
  const thread = await visibleThread(ctx, member, threadId);
  if (!canWriteInThread(member, thread)) throw threadNotFound(threadId);
  if (thread.status === status) return thread;
  await ctx.limit(member);
  await ctx.store.setThreadStatus(member.roomId, threadId, status, actorOf(member), ctx.tick());
  const updated = await reloadThread(ctx, member.roomId, threadId);
  announceThread(ctx, updated, 'updated');
  return updated;
}
