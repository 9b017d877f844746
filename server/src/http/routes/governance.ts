import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { disputeStatusSchema } from '@parley/shared/mediation';
import { MAX_ID_LENGTH } from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import { listCaucus } from '../../mediation/caucus';
import { listDisputes } from '../../mediation/disputes';
import type { GovernanceDeps } from '../../mediation/roomModeDeps';
import { governanceSnapshot } from '../../mediation/roomModeSnapshot';
import { ServiceError } from '../../services/errors';
import { requireMember } from '../request-auth';
import { parseWith } from '../validate';
import { roomParamsSchema } from './rooms';

const caucusQuerySchema = z.object({ partyId: z.string().min(1).max(MAX_ID_LENGTH).optional() });
const disputesQuerySchema = z.object({ status: disputeStatusSchema.optional() });

export interface GovernanceRouteDeps {
  auth: Authenticator;
  governance: GovernanceDeps;
}

/** Audit export, governance state, disputes and caucus for integrations: same rules as Socket.IO. */
export function registerGovernanceRoutes(
  app: FastifyInstance,
  { auth, governance }: GovernanceRouteDeps,
): void {
  app.get('/api/rooms/:roomId/audit', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    if (caller.role !== 'organizer' && caller.role !== 'mediator') {
      throw new ServiceError(
        403,
        'forbidden',
        `A ${caller.role} may not export the audit log; the organizer and the mediator may.`,
      );
    }
    return governance.audit.export(roomId);
  });

  app.get('/api/rooms/:roomId/mediation', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    await requireMember(auth, request, roomId);
    return governanceSnapshot(governance, roomId);
  });

  app.get('/api/rooms/:roomId/disputes', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    await requireMember(auth, request, roomId);
    const { status } = parseWith(disputesQuerySchema, request.query, 'query');
    return { disputes: await listDisputes(governance, roomId, status) };
  });

  app.get('/api/rooms/:roomId/caucus', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    const caller = await requireMember(auth, request, roomId);
    const { partyId } = parseWith(caucusQuerySchema, request.query, 'query');
    return listCaucus(governance, caller, partyId);
  });
}
