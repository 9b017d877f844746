import type { FastifyInstance } from 'fastify';
import { MAX_ID_LENGTH, createInviteRequestSchema } from '@parley/shared/protocol';
import { createInvite, listInvites, revokeInvite } from '../../services';
import { requireMember } from '../request-auth';
import { parseWith } from '../validate';
import type { RouteDeps } from './deps';
import { roomParamsSchema } from './rooms';
import { z } from 'zod';

const inviteParamsSchema = roomParamsSchema.extend({ id: z.string().min(1).max(MAX_ID_LENGTH) });

export function registerInviteRoutes(app: FastifyInstance, { services, auth }: RouteDeps): void {
  app.post('/api/rooms/:roomId/invites', async (request, reply) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    const body = parseWith(createInviteRequestSchema, request.body, 'request body');
    return reply.status(201).send(await createInvite(services, caller, body));
  });

  app.get('/api/rooms/:roomId/invites', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    return { members: await listInvites(services, caller) };
  });

  app.delete('/api/rooms/:roomId/invites/:id', async (request) => {
    const { roomId, id } = parseWith(inviteParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    return { member: await revokeInvite(services, caller, id) };
  });
}
