// Governance over REST for integrations: state, disputes and caucus, with the same rules as
// Socket.IO.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { disputeStatusSchema } from '@parley/shared/mediation';
import { MAX_ID_LENGTH } from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller } from '../../http';
import { reopenAgreement } from './agreement';
import { listCaucus } from './caucus';
import type { GovernanceDeps } from './deps';
import { listDisputes } from './disputes';
import { governanceSnapshot } from './snapshot';

const caucusQuerySchema = z.object({ partyId: z.string().min(1).max(MAX_ID_LENGTH).optional() });
const disputesQuerySchema = z.object({ status: disputeStatusSchema.optional() });

export function registerGovernanceRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: GovernanceDeps,
): void {
  app.get('/api/rooms/:roomId/mediation', async (request) => {
    const caller = await roomCaller(auth, request);
    return governanceSnapshot(deps, caller.roomId);
  });

  app.post('/api/rooms/:roomId/agreement/reopen', async (request) =>
    reopenAgreement(deps, await roomCaller(auth, request)),
  );

  app.get('/api/rooms/:roomId/disputes', async (request) => {
    const caller = await roomCaller(auth, request);
    const { status } = parseWith(disputesQuerySchema, request.query, 'query');
    return { disputes: await listDisputes(deps, caller.roomId, status) };
  });

  app.get('/api/rooms/:roomId/caucus', async (request) => {
    const caller = await roomCaller(auth, request);
    const { partyId } = parseWith(caucusQuerySchema, request.query, 'query');
    return listCaucus(deps, caller, partyId);
  });
}
