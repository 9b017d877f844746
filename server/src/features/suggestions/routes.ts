// Suggestions over REST: every pending suggestion of the room, and accepting or rejecting them.
import type { FastifyInstance } from 'fastify';
import { decideSuggestionRequestSchema } from '@parley/shared/suggestions';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller } from '../../http';
import { decideSuggestions, roomSuggestions } from './decide';
import type { SuggestionDeps } from './deps';

export function registerSuggestionRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: SuggestionDeps,
): void {
  app.get('/api/rooms/:roomId/suggestions', async (request) => {
    const member = await roomCaller(auth, request);
    return { suggestions: await roomSuggestions(deps, member.roomId) };
  });
  app.post('/api/rooms/:roomId/suggestions/decision', async (request) => {
    const member = await roomCaller(auth, request);
    const body = parseWith(decideSuggestionRequestSchema, request.body, 'request body');
    return decideSuggestions(deps, member, body);
  });
}
