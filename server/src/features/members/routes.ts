// Membership over REST: join with an invitation, the party's member list, invite, change and
// revoke, and the appointments with each party's consent.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  MAX_ID_LENGTH,
  consentRequestSchema,
  createInviteRequestSchema,
  updateMemberRequestSchema,
} from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller, roomParamsSchema } from '../../http';
import { updateMember } from './changes';
import { decideConsent, listAppointments } from './consent';
import type { MembersDeps } from './deps';
import { createInvite, listInvites, revokeInvite } from './invites';
import { joinRoom } from './join';

const inviteParamsSchema = roomParamsSchema.extend({ id: z.string().min(1).max(MAX_ID_LENGTH) });
const appointmentParamsSchema = roomParamsSchema.extend({
  memberId: z.string().min(1).max(MAX_ID_LENGTH),
});

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function registerMemberRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: MembersDeps,
): void {
  // The invitation is the credential here, and only here: the authenticator takes sessions.
  app.post('/api/rooms/:roomId/join', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    return joinRoom(deps, roomId, bearer(request));
  });

  app.post('/api/rooms/:roomId/invites', async (request, reply) => {
    const caller = await roomCaller(auth, request);
    const body = parseWith(createInviteRequestSchema, request.body, 'request body');
    return reply.status(201).send(await createInvite(deps, caller, body));
  });

  app.get('/api/rooms/:roomId/invites', async (request) =>
    listInvites(deps, await roomCaller(auth, request)),
  );

  app.patch('/api/rooms/:roomId/invites/:id', async (request) => {
    const caller = await roomCaller(auth, request);
    const { id } = parseWith(inviteParamsSchema, request.params, 'path');
    const body = parseWith(updateMemberRequestSchema, request.body, 'request body');
    return { member: await updateMember(deps, caller, id, body) };
  });

  app.delete('/api/rooms/:roomId/invites/:id', async (request) => {
    const caller = await roomCaller(auth, request);
    const { id } = parseWith(inviteParamsSchema, request.params, 'path');
    return { member: await revokeInvite(deps, caller, id) };
  });

  app.get('/api/rooms/:roomId/appointments', async (request) =>
    listAppointments(deps, await roomCaller(auth, request)),
  );

  app.put('/api/rooms/:roomId/appointments/:memberId/consent', async (request) => {
    const caller = await roomCaller(auth, request);
    const { memberId } = parseWith(appointmentParamsSchema, request.params, 'path');
    const body = parseWith(consentRequestSchema, request.body, 'request body');
    return decideConsent(deps, caller, memberId, body.decision);
  });
}
