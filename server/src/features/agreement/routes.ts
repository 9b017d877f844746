// Proposals, sign-offs, the agreement export and positions over REST: the same services, and so
// the same rules, as Socket.IO.
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
import { parseWith, roomCaller, roomParamsSchema } from '../../http';
import type { AgreementDeps } from './deps';
import {
  listOverlaps,
  listPositions,
  publishOverlap,
  removePosition,
  setPosition,
  sharePosition,
} from './positions';
import {
  applyProposal,
  counterProposal,
  createProposal,
  decideProposal,
  listProposals,
  previewProposal,
  withdrawProposal,
} from './proposals';
import { agreementExport, listSignOffs, signOff, withdrawSignOff } from './signoff';

const proposalParamsSchema = roomParamsSchema.extend({
  proposalId: z.string().min(1).max(MAX_ID_LENGTH),
});
const clauseParamsSchema = roomParamsSchema.extend({
  clauseId: z.string().min(1).max(MAX_ID_LENGTH),
});
const decisionBodySchema = decideProposalRequestSchema.omit({ proposalId: true });

export function registerAgreementRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: AgreementDeps,
): void {
  const body = <S extends z.ZodType>(schema: S, value: unknown) =>
    parseWith(schema, value, 'request body');
  const proposalId = (params: unknown) =>
    parseWith(proposalParamsSchema, params, 'path').proposalId;

  app.get('/api/rooms/:roomId/proposals', async (request) =>
    listProposals(deps, await roomCaller(auth, request)),
  );
  app.post('/api/rooms/:roomId/proposals/preview', async (request) => {
    const member = await roomCaller(auth, request);
    return previewProposal(deps, member, body(proposalChangeSchema, request.body));
  });
  app.post('/api/rooms/:roomId/proposals', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const created = await createProposal(
      deps,
      member,
      body(createProposalRequestSchema, request.body),
    );
    return reply.status(201).send(created);
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/decision', async (request) => {
    const member = await roomCaller(auth, request);
    const id = proposalId(request.params);
    return decideProposal(deps, member, {
      proposalId: id,
      ...body(decisionBodySchema, request.body),
    });
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/counter', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const id = proposalId(request.params);
    const raw = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const counter = body(counterProposalRequestSchema, { ...raw, proposalId: id });
    return reply.status(201).send(await counterProposal(deps, member, counter));
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/withdraw', async (request) => {
    const member = await roomCaller(auth, request);
    return withdrawProposal(deps, member, proposalId(request.params));
  });
  app.post('/api/rooms/:roomId/proposals/:proposalId/apply', async (request) => {
    const member = await roomCaller(auth, request);
    return applyProposal(deps, member, proposalId(request.params));
  });

  app.get('/api/rooms/:roomId/signoffs', async (request) =>
    listSignOffs(deps, await roomCaller(auth, request)),
  );
  app.post('/api/rooms/:roomId/signoffs', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const { clauseId } = body(signOffRequestSchema, request.body);
    return reply.status(201).send(await signOff(deps, member, clauseId));
  });
  app.delete('/api/rooms/:roomId/signoffs/:clauseId', async (request) => {
    const member = await roomCaller(auth, request);
    const { clauseId } = parseWith(clauseParamsSchema, request.params, 'path');
    return withdrawSignOff(deps, member, clauseId);
  });
  app.get('/api/rooms/:roomId/agreement', async (request) =>
    agreementExport(deps, await roomCaller(auth, request)),
  );

  app.get('/api/rooms/:roomId/positions', async (request) =>
    listPositions(deps, await roomCaller(auth, request)),
  );
  app.put('/api/rooms/:roomId/positions', async (request) => {
    const member = await roomCaller(auth, request);
    return setPosition(deps, member, body(setPositionRequestSchema, request.body));
  });
  app.post('/api/rooms/:roomId/positions/delete', async (request) => {
    const member = await roomCaller(auth, request);
    return removePosition(deps, member, body(positionKeySchema, request.body));
  });
  app.post('/api/rooms/:roomId/positions/share', async (request) => {
    const member = await roomCaller(auth, request);
    return sharePosition(deps, member, body(sharePositionRequestSchema, request.body));
  });
  app.get('/api/rooms/:roomId/positions/overlaps', async (request) =>
    listOverlaps(deps, await roomCaller(auth, request)),
  );
  app.post('/api/rooms/:roomId/positions/publish', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const published = await publishOverlap(deps, member, body(parameterRefSchema, request.body));
    return reply.status(201).send(published);
  });
}
