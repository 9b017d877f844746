// Rooms over REST: create one, and read its term sheet, value and the caller's own membership.
import type { FastifyInstance } from 'fastify';
import { createRoomRequestSchema } from '@parley/shared/protocol';
import { templateSummaries } from '@parley/shared/templates';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller } from '../../http';
import { createRoom } from './create';
import type { RoomsDeps } from './deps';
import { computeRoomValue, describeMember, exportRoomTermSheet } from './read';

export function registerRoomRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: RoomsDeps,
): void {
  app.get('/api/templates', async () => ({ templates: templateSummaries }));

  app.post('/api/rooms', async (request, reply) => {
    const body = parseWith(createRoomRequestSchema, request.body, 'request body');
    return reply.status(201).send(await createRoom(deps, body));
  });

  app.get('/api/rooms/:roomId/me', async (request) =>
    describeMember(deps, await roomCaller(auth, request)),
  );

  app.get('/api/rooms/:roomId/termsheet', async (request) =>
    exportRoomTermSheet(deps, await roomCaller(auth, request)),
  );

  app.get('/api/rooms/:roomId/value', async (request) =>
    computeRoomValue(deps, await roomCaller(auth, request)),
  );
}
