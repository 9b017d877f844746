import type { Logger } from 'pino';
import { canSeeThread } from '@parley/shared/comments';
import {
  commentClientEvents,
  commentRefRequestSchema,
  createThreadRequestSchema,
  editCommentRequestSchema,
  emptyRequestSchema,
  listThreadsRequestSchema,
  markNotificationsRequestSchema,
  replyRequestSchema,
  threadRefRequestSchema,
} from '@parley/shared/protocol';
import type { CommentThread } from '@parley/shared/comments';
import type { CommentPublisher, CommentsService } from '../comments';
import { roomSockets, router } from './route';
import type { ParleyIo, ParleySocket, RealtimeFeature } from './socket-server';

/**
 * Comment events over Socket.IO. Every live event is emitted socket by socket, and only to
 * sockets whose member may see the thread: a party-internal or caucus thread never leaves the
 * server towards anyone else.
 */
export function commentsRealtime(service: CommentsService, logger: Logger): RealtimeFeature {
  let io: ParleyIo | null = null;

  function audience(thread: CommentThread): ParleySocket[] {
    return roomSockets(io, thread.roomId).filter((s) => canSeeThread(s.data.member, thread));
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
      for (const s of roomSockets(io, roomId)) {
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
      const handle = router(on);
      const member = socket.data.member;
      handle('comments:list', listThreadsRequestSchema, (p) =>
        service.listThreads(member, p?.clauseId),
      );
      handle('comments:create', createThreadRequestSchema, (p) => service.createThread(member, p));
      handle('comments:reply', replyRequestSchema, (p) => service.reply(member, p));
      handle('comments:edit', editCommentRequestSchema, (p) => service.editComment(member, p));
      handle('comments:delete', commentRefRequestSchema, (p) => service.deleteComment(member, p));
      handle('comments:resolve', threadRefRequestSchema, (p) =>
        service.setStatus(member, p.threadId, 'resolved'),
      );
      handle('comments:reopen', threadRefRequestSchema, (p) =>
        service.setStatus(member, p.threadId, 'open'),
      );
      handle('comments:mark-read', threadRefRequestSchema, async (p) => {
        const unread = await service.markRead(member, p.threadId);
        // The member's other tabs show the same counts.
        for (const s of roomSockets(io, member.roomId)) {
          if (s.data.member.memberId === member.memberId && s.id !== socket.id) {
            s.emit('comments:unread', unread);
          }
        }
        return unread;
      });
      handle('comments:members', emptyRequestSchema, async () => ({
        members: await service.mentionCandidates(member),
      }));
      handle('notifications:list', emptyRequestSchema, () => service.listNotifications(member));
      handle('notifications:mark-read', markNotificationsRequestSchema, (p) =>
        service.markNotificationsRead(member, p?.ids ?? null),
      );
      handle('visit:summary', emptyRequestSchema, () => service.sinceLastVisit(member));
      handle('visit:mark', emptyRequestSchema, () => service.markVisited(member));
    },
    disconnect(socket) {
      const member = socket.data.member;
      const stillHere = roomSockets(io, member.roomId).some(
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
