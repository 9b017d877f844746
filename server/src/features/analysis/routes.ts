// The server's analyses over REST: the same services, and so the same rules, as Socket.IO.
import type { FastifyInstance } from 'fastify';
import { riskRequestSchema, settlementRequestSchema } from '@parley/shared/protocol';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller } from '../../http';
import type { AnalysisDeps } from './deps';
import { roomRisk } from './risk';
import { fairSettlement } from './settlement';

export function registerAnalysisRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: AnalysisDeps,
): void {
  app.get('/api/rooms/:roomId/analysis/risk', async (request) => {
    const member = await roomCaller(auth, request);
    return roomRisk(deps, member, parseWith(riskRequestSchema, request.query, 'query'));
  });
  app.get('/api/rooms/:roomId/analysis/settlement', async (request) => {
    const member = await roomCaller(auth, request);
    return fairSettlement(deps, member, parseWith(settlementRequestSchema, request.query, 'query'));
  });
}
