// Rooms over REST: create one, and read its term sheet, value and the caller's own membership.
import type { FastifyInstance } from 'fastify';
import { createRoomRequestSchema } from '@parley/shared/protocol';
import { templateSummaries } from '@parley/shared/templates';
import type { Authenticator } from '../../auth/authenticate';
import { bearerToken, parseWith, roomCaller } from '../../http';
import { createRoom } from './create';
import { checkRoomCreation } from './creationPolicy';
import type { RoomsDeps } from './deps';
import { describeMember, exportRoomTermSheet } from './read';
import { computeRoomValue, valueQuerySchema } from './value';

export function registerRoomRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: RoomsDeps,
): void {
  app.get('/api/templates', async () => ({ templates: templateSummaries }));

  app.post('/api/rooms', async (request, reply) => {
    await checkRoomCreation(deps.creation, {
      address: request.ip,
      bearer: bearerToken(request),
    });
    const body = parseWith(createRoomRequestSchema, request.body, 'request body');
    return reply.status(201).send(await createRoom(deps, body));
  });

  app.get('/api/rooms/:roomId/me', async (request) =>
    describeMember(deps, await roomCaller(auth, request)),
  );

  app.get('/api/rooms/:roomId/termsheet', async (request) =>
    exportRoomTermSheet(deps, await roomCaller(auth, request)),
  );

  app.get('/api/rooms/:roomId/value', async (request) => {
    const query = parseWith(valueQuerySchema, request.query, 'query');
    return computeRoomValue(deps, await roomCaller(auth, request), query);
  });
}
