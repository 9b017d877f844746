import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  counterProposalRequestSchema,
  createProposalRequestSchema,
  decideProposalRequestSchema,
  parameterRefSchema,
  positionKeySchema,
  proposalChangeSchema,
  setPositionRequestSchema,
  sharePositionRequestSchema,
  signOffRequestSchema,
} from '@parley/shared/mediation';
import { MAX_ID_LENGTH } from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import type { AgreementServices } from '../../realtime/agreement';
import { requireMember } from '../request-auth';
import { parseWith } from '../validate';
import { roomParamsSchema } from './rooms';

const proposalParamsSchema = roomParamsSchema.extend({
  proposalId: z.string().min(1).max(MAX_ID_LENGTH),
});
const clauseParamsSchema = roomParamsSchema.extend({
  clauseId: z.string().min(1).max(MAX_ID_LENGTH),
});
const decisionBodySchema = decideProposalRequestSchema.omit({ proposalId: true });

export interface AgreementRouteDeps extends AgreementServices {
  auth: Authenticator;
}

/** Proposals, sign-offs, the agreement export and positions over REST: the same services and rules. */
export function registerAgreementRoutes(app: FastifyInstance, deps: AgreementRouteDeps): void {
  const { auth, proposals, signOffs, positions } = deps;
  const caller = async (params: unknown, request: Parameters<typeof requireMember>[1]) => {
    const { roomId } = parseWith(roomParamsSchema, params, 'path');
    return requireMember(auth, request, roomId);
  };

  app.get('/api/rooms/:roomId/proposals', async (request) =>
    proposals.list(await caller(request.params, request)),
  );
  app.post('/api/rooms/:roomId/proposals/preview', async (request) => {
    const member = await caller(request.params, request);
    return proposals.preview(member, parseWith(proposalChangeSchema, request.body, 'request body'));
  });
  app.post('/api/rooms/:roomId/proposals', async (request, reply) => {
    const member = await caller(request.params, request);
    const body = parseWith(createProposalRequestSchema, request.body, 'request body');
    return reply.status(201).send(await proposals.create(member, body));
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/decision', async (request) => {
    const member = await caller(request.params, request);
    const { proposalId } = parseWith(proposalParamsSchema, request.params, 'path');
    const body = parseWith(decisionBodySchema, request.body, 'request body');
    return proposals.decide(member, { proposalId, ...body });
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/counter', async (request, reply) => {
    const member = await caller(request.params, request);
    const { proposalId } = parseWith(proposalParamsSchema, request.params, 'path');
    const raw = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const body = parseWith(counterProposalRequestSchema, { ...raw, proposalId }, 'request body');
    return reply.status(201).send(await proposals.counter(member, body));
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/withdraw', async (request) => {
    const member = await caller(request.params, request);
    const { proposalId } = parseWith(proposalParamsSchema, request.params, 'path');
    return proposals.withdraw(member, proposalId);
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/apply', async (request) => {
    const member = await caller(request.params, request);
    const { proposalId } = parseWith(proposalParamsSchema, request.params, 'path');
    return proposals.apply(member, proposalId);
  });

  app.get('/api/rooms/:roomId/signoffs', async (request) =>
    signOffs.list(await caller(request.params, request)),
  );
  app.post('/api/rooms/:roomId/signoffs', async (request, reply) => {
    const member = await caller(request.params, request);
    const { clauseId } = parseWith(signOffRequestSchema, request.body, 'request body');
    return reply.status(201).send(await signOffs.sign(member, clauseId));
  });
  app.delete('/api/rooms/:roomId/signoffs/:clauseId', async (request) => {
    const member = await caller(request.params, request);
    const { clauseId } = parseWith(clauseParamsSchema, request.params, 'path');
    return signOffs.withdraw(member, clauseId);
  });
  app.get('/api/rooms/:roomId/agreement', async (request) =>
    signOffs.agreement(await caller(request.params, request)),
  );

  app.get('/api/rooms/:roomId/positions', async (request) =>
    positions.list(await caller(request.params, request)),
  );
  app.put('/api/rooms/:roomId/positions', async (request) => {
    const member = await caller(request.params, request);
    return positions.set(member, parseWith(setPositionRequestSchema, request.body, 'request body'));
  });
  app.post('/api/rooms/:roomId/positions/delete', async (request) => {
    const member = await caller(request.params, request);
    return positions.remove(member, parseWith(positionKeySchema, request.body, 'request body'));
  });
  app.post('/api/rooms/:roomId/positions/share', async (request) => {
    const member = await caller(request.params, request);
    return positions.share(
      member,
      parseWith(sharePositionRequestSchema, request.body, 'request body'),
    );
  });
  app.get('/api/rooms/:roomId/positions/overlaps', async (request) =>
    positions.overlaps(await caller(request.params, request)),
  );
  app.post('/api/rooms/:roomId/positions/publish', async (request, reply) => {
    const member = await caller(request.params, request);
    const body = parseWith(parameterRefSchema, request.body, 'request body');
    return reply.status(201).send(await positions.publish(member, body));
  });
}
