import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  MAX_ID_LENGTH,
  createThreadRequestSchema,
  replyRequestSchema,
} from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import type { CommentsService } from '../../comments';
import { requireMember } from '../request-auth';
import { parseWith } from '../validate';
import { roomParamsSchema } from './rooms';

const listQuerySchema = z.object({ clauseId: z.string().min(1).max(MAX_ID_LENGTH).optional() });

export interface CommentRouteDeps {
  auth: Authenticator;
  comments: CommentsService;
}

/** Comments for integrations: the same service, and so the same rules, as the Socket.IO path. */
export function registerCommentRoutes(
  app: FastifyInstance,
  { auth, comments }: CommentRouteDeps,
): void {
  app.get('/api/rooms/:roomId/comments', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    const { clauseId } = parseWith(listQuerySchema, request.query, 'query');
    return comments.listThreads(caller, clauseId);
  });

  app.post('/api/rooms/:roomId/comments', async (request, reply) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    // A body naming a thread is a reply; anything else opens a thread. Picking the schema first
    // keeps the error about the fields the caller actually meant to send.
    const raw: unknown = request.body;
    const isReply = typeof raw === 'object' && raw !== null && 'threadId' in raw;
    const body = isReply
      ? parseWith(replyRequestSchema, raw, 'request body')
      : parseWith(createThreadRequestSchema, raw, 'request body');
    return reply.status(201).send(await comments.post(caller, body));
  });
}
