// Comments over REST for integrations: the same services, and so the same rules, as Socket.IO.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  MAX_ID_LENGTH,
  createThreadRequestSchema,
  replyRequestSchema,
} from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller } from '../../http';
import type { CommentsContext } from './context';
import { listThreads, post } from './threads';

const listQuerySchema = z.object({ clauseId: z.string().min(1).max(MAX_ID_LENGTH).optional() });

export function registerCommentRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  ctx: CommentsContext,
): void {
  app.get('/api/rooms/:roomId/comments', async (request) => {
    const caller = await roomCaller(auth, request);
    const { clauseId } = parseWith(listQuerySchema, request.query, 'query');
    return listThreads(ctx, caller, clauseId);
  });

  app.post('/api/rooms/:roomId/comments', async (request, reply) => {
    const caller = await roomCaller(auth, request);
    // A body naming a thread is a reply; anything else opens a thread. Picking the schema first
    // keeps the error about the fields the caller actually meant to send.
    const raw: unknown = request.body;
    const isReply = typeof raw === 'object' && raw !== null && 'threadId' in raw;
    const body = isReply
      ? parseWith(replyRequestSchema, raw, 'request body')
      : parseWith(createThreadRequestSchema, raw, 'request body');
    return reply.status(201).send(await post(ctx, caller, body));
  });
}
