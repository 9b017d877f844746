import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  ackError,
  ackOk,
  canSeeThread,
  commentClientEvents,
  commentRefRequestSchema,
  createThreadRequestSchema,
  editCommentRequestSchema,
  emptyRequestSchema,
  listThreadsRequestSchema,
  markNotificationsRequestSchema,
  replyRequestSchema,
  threadRefRequestSchema,
} from '@parley/shared';
import type { Ack, CommentThread, MemberClaims } from '@parley/shared';
import type { CommentPublisher, CommentsService } from '../comments';
import { ServiceError } from '../services/errors';
import type { EventHandler, ParleyIo, ParleySocket, RealtimeFeature } from './socket-server';

function invalid(event: string, error: z.ZodError): Ack<never> {
  const problems = error.issues
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
  return ackError('invalid-payload', `Invalid ${event} payload: ${problems}`);
}

/** Turns a refusal from the service into an ack; anything else is a server fault for `handle`. */
async function answer<T>(run: () => Promise<T>): Promise<Ack<unknown>> {
  try {
    return ackOk(await run());
  } catch (error) {
    if (error instanceof ServiceError) return ackError(error.code, error.message);
    throw error;
  }
}

function route<S extends z.ZodType>(
  event: string,
  schema: S,
  run: (payload: z.output<S>) => Promise<unknown>,
): EventHandler {
  return (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return invalid(event, parsed.error);
    return answer(() => run(parsed.data));
  };
}

/**
 * Comment events over Socket.IO. Every live event is emitted socket by socket, and only to
 * sockets whose member may see the thread: a party-internal or caucus thread never leaves the
 * server towards anyone else.
 */
export function commentsRealtime(service: CommentsService, logger: Logger): RealtimeFeature {
  let io: ParleyIo | null = null;

  function socketsOf(roomId: string): ParleySocket[] {
    if (io === null) return [];
    return [...io.of('/').sockets.values()].filter(
      (s) => (s.data.member as MemberClaims | undefined)?.roomId === roomId,
    );
  }

  function audience(thread: CommentThread): ParleySocket[] {
    return socketsOf(thread.roomId).filter((s) => canSeeThread(s.data.member, thread));
  }

  const publisher: CommentPublisher = {
    threadCreated(thread) {
      for (const s of audience(thread)) s.emit('comments:thread-created', thread);
    },
    threadUpdated(thread) {
      for (const s of audience(thread)) s.emit('comments:thread-updated', thread);
    },
    commentChanged(change, thread, event) {
      for (const s of audience(thread)) s.emit(`comments:${change}`, event);
    },
    unreadChanged(thread, unreadFor) {
      const byMember = new Map<string, ParleySocket[]>();
      for (const s of audience(thread)) {
        const list = byMember.get(s.data.member.memberId) ?? [];
        list.push(s);
        byMember.set(s.data.member.memberId, list);
      }
      for (const sockets of byMember.values()) {
        const member = sockets[0]!.data.member;
        unreadFor(member).then(
          (unread) => {
            for (const s of sockets) s.emit('comments:unread', unread);
          },
          (error: unknown) => logger.warn({ err: error }, 'unread counts not computed'),
        );
      }
    },
    notify(roomId, memberId, notification) {
      for (const s of socketsOf(roomId)) {
        if (s.data.member.memberId === memberId) s.emit('notifications:new', notification);
      }
    },
  };

  return {
    events: commentClientEvents,
    attach(server) {
      io = server;
      service.setPublisher(publisher);
    },
    connection(socket, on) {
      const member = socket.data.member;
      on(
        'comments:list',
        route('comments:list', listThreadsRequestSchema, (p) =>
          service.listThreads(member, p?.clauseId),
        ),
      );
      on(
        'comments:create',
        route('comments:create', createThreadRequestSchema, (p) => service.createThread(member, p)),
      );
      on(
        'comments:reply',
        route('comments:reply', replyRequestSchema, (p) => service.reply(member, p)),
      );
      on(
        'comments:edit',
        route('comments:edit', editCommentRequestSchema, (p) => service.editComment(member, p)),
      );
      on(
        'comments:delete',
        route('comments:delete', commentRefRequestSchema, (p) => service.deleteComment(member, p)),
      );
      on(
        'comments:resolve',
        route('comments:resolve', threadRefRequestSchema, (p) =>
          service.setStatus(member, p.threadId, 'resolved'),
        ),
      );
      on(
        'comments:reopen',
        route('comments:reopen', threadRefRequestSchema, (p) =>
          service.setStatus(member, p.threadId, 'open'),
        ),
      );
      on(
        'comments:mark-read',
        route('comments:mark-read', threadRefRequestSchema, async (p) => {
          const unread = await service.markRead(member, p.threadId);
          // The member's other tabs show the same counts.
          for (const s of socketsOf(member.roomId)) {
            if (s.data.member.memberId === member.memberId && s.id !== socket.id) {
              s.emit('comments:unread', unread);
            }
          }
          return unread;
        }),
      );
      on(
        'comments:members',
        route('comments:members', emptyRequestSchema, async () => ({
          members: await service.mentionCandidates(member),
        })),
      );
      on(
        'notifications:list',
        route('notifications:list', emptyRequestSchema, () => service.listNotifications(member)),
      );
      on(
        'notifications:mark-read',
        route('notifications:mark-read', markNotificationsRequestSchema, (p) =>
          service.markNotificationsRead(member, p?.ids ?? null),
        ),
      );
      on(
        'visit:summary',
        route('visit:summary', emptyRequestSchema, () => service.sinceLastVisit(member)),
      );
      on(
        'visit:mark',
        route('visit:mark', emptyRequestSchema, () => service.markVisited(member)),
      );
    },
    disconnect(socket) {
      const member = socket.data.member;
      const stillHere = socketsOf(member.roomId).some(
        (s) => s.id !== socket.id && s.data.member.memberId === member.memberId,
      );
      if (stillHere) return;
      // The visit ends when the member's last connection leaves; the next summary starts here.
      service.markVisited(member).catch((error: unknown) => {
        logger.warn({ err: error, roomId: member.roomId }, 'visit not recorded');
      });
    },
  };
}
