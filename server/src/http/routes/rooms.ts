import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_ID_LENGTH, createRoomRequestSchema } from '@parley/shared/protocol';
import { computeRoomValue, createRoom, describeMember, exportRoomTermSheet } from '../../services';
import { requireMember } from '../request-auth';
import { parseWith } from '../validate';
import type { RouteDeps } from './deps';

export const roomParamsSchema = z.object({ roomId: z.string().min(1).max(MAX_ID_LENGTH) });

export function registerRoomRoutes(app: FastifyInstance, { services, auth }: RouteDeps): void {
  app.post('/api/rooms', async (request, reply) => {
    const body = parseWith(createRoomRequestSchema, request.body, 'request body');
    return reply.status(201).send(await createRoom(services, body));
  });

  app.get('/api/rooms/:roomId/me', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    return describeMember(services, await requireMember(auth, request, roomId));
  });

  app.get('/api/rooms/:roomId/termsheet', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    return exportRoomTermSheet(services, await requireMember(auth, request, roomId));
  });

  app.get('/api/rooms/:roomId/value', async (request) => {
    const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
    return computeRoomValue(services, await requireMember(auth, request, roomId));
  });
}
