// Invitations over REST: create, list and revoke.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_ID_LENGTH, createInviteRequestSchema } from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller, roomParamsSchema } from '../../http';
import type { MembersDeps } from './deps';
import { createInvite, listInvites, revokeInvite } from './invites';

const inviteParamsSchema = roomParamsSchema.extend({ id: z.string().min(1).max(MAX_ID_LENGTH) });

export function registerInviteRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: MembersDeps,
): void {
  app.post('/api/rooms/:roomId/invites', async (request, reply) => {
    const caller = await roomCaller(auth, request);
    const body = parseWith(createInviteRequestSchema, request.body, 'request body');
    return reply.status(201).send(await createInvite(deps, caller, body));
  });

  app.get('/api/rooms/:roomId/invites', async (request) => ({
    members: await listInvites(deps, await roomCaller(auth, request)),
  }));

  app.delete('/api/rooms/:roomId/invites/:id', async (request) => {
    const caller = await roomCaller(auth, request);
    const { id } = parseWith(inviteParamsSchema, request.params, 'path');
    return { member: await revokeInvite(deps, caller, id) };
  });
}
