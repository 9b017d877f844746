// Versions over REST: the timeline, saving one, reading one whole, comparing two (or one with
// now) and restoring one as proposals.
import type { FastifyInstance } from 'fastify';
import {
  compareQuerySchema,
  saveVersionRequestSchema,
  versionRefSchema,
} from '@parley/shared/versions';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller, roomParamsSchema } from '../../http';
import { compareVersions } from './compare';
import type { VersionDeps } from './deps';
import { restoreVersion } from './restore';
import { getVersion, listVersions, saveVersion } from './versions';

const versionParamsSchema = roomParamsSchema.extend(versionRefSchema.shape);

export function registerVersionRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: VersionDeps,
): void {
  app.get('/api/rooms/:roomId/versions', async (request) => {
    const member = await roomCaller(auth, request);
    return { versions: await listVersions(deps, member) };
  });
  app.post('/api/rooms/:roomId/versions', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const body = parseWith(saveVersionRequestSchema, request.body, 'request body');
    const version = await saveVersion(deps, member, body.name);
    return reply.status(201).send({ version });
  });
  app.get('/api/rooms/:roomId/versions/:versionId', async (request) => {
    const member = await roomCaller(auth, request);
    const { versionId } = parseWith(versionParamsSchema, request.params, 'path');
    return { version: await getVersion(deps, member.roomId, versionId) };
  });
  app.post('/api/rooms/:roomId/versions/:versionId/restore', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const { versionId } = parseWith(versionParamsSchema, request.params, 'path');
    return reply.status(201).send(await restoreVersion(deps, member, versionId));
  });
  app.get('/api/rooms/:roomId/compare', async (request) => {
    const member = await roomCaller(auth, request);
    const query = parseWith(compareQuerySchema, request.query, 'query');
    return compareVersions(deps, member, query);
  });
}
