// Comment events over Socket.IO: thin handlers that parse, then call the comment services.
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
import { channelOf, memberAudience, router } from '../../realtime';
import type { SocketHandlers } from '../../realtime';
import type { CommentsContext } from './context';
import { deleteComment, editComment } from './edits';
import { mentionCandidates } from './mentions';
import { listNotifications, markNotificationsRead } from './notifications';
import { markRead } from './reads';
import { createThread, listThreads, reply, setThreadStatus } from './threads';
import { markVisited, sinceLastVisit } from './visits';

export function commentSockets(ctx: CommentsContext): SocketHandlers {
  return {
    events: commentClientEvents,
    connect(socket, on) {
      const handle = router(on);
      const member = socket.data.member;
      handle('comments:list', listThreadsRequestSchema, (p) =>
        listThreads(ctx, member, p?.clauseId),
      );
      handle('comments:create', createThreadRequestSchema, (p) => createThread(ctx, member, p));
      handle('comments:reply', replyRequestSchema, (p) => reply(ctx, member, p));
      handle('comments:edit', editCommentRequestSchema, (p) => editComment(ctx, member, p));
      handle('comments:delete', commentRefRequestSchema, (p) => deleteComment(ctx, member, p));
      handle('comments:resolve', threadRefRequestSchema, (p) =>
        setThreadStatus(ctx, member, p.threadId, 'resolved'),
      );
      handle('comments:reopen', threadRefRequestSchema, (p) =>
        setThreadStatus(ctx, member, p.threadId, 'open'),
      );
      handle('comments:mark-read', threadRefRequestSchema, async (p) => {
        const unread = await markRead(ctx, member, p.threadId);
        // The member's other tabs show the same counts.
        socket
          .to(channelOf(member.roomId, memberAudience(member.memberId)))
          .emit('comments:unread', unread);
        return unread;
      });
      handle('comments:members', emptyRequestSchema, async () => ({
        members: await mentionCandidates(ctx, member),
      }));
      handle('notifications:list', emptyRequestSchema, () => listNotifications(ctx, member));
      handle('notifications:mark-read', markNotificationsRequestSchema, (p) =>
        markNotificationsRead(ctx, member, p?.ids ?? null),
      );
      handle('visit:summary', emptyRequestSchema, () => sinceLastVisit(ctx, member));
      handle('visit:mark', emptyRequestSchema, () => markVisited(ctx, member));
    },
    disconnect(socket) {
      const member = socket.data.member;
      // The visit ends when the member's last connection leaves; the next summary starts here.
      void ctx.broadcast
        .present(member.roomId)
        .then(async (present) => {
          if (present.some((m) => m.memberId === member.memberId)) return;
          await markVisited(ctx, member);
        })
        .catch((error: unknown) => {
          ctx.logger.warn({ err: error, roomId: member.roomId }, 'visit not recorded');
        });
    },
  };
}
