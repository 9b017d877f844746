// The export over REST: a file download, with the same authentication as every room endpoint.
import type { FastifyInstance } from 'fastify';
import { exportQuerySchema } from '@parley/shared/versions';
import type { Authenticator } from '../../auth/authenticate';
import { parseWith, roomCaller } from '../../http';
import type { ExportDeps } from './deps';
import { exportSheet } from './service';

export function registerExportRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  deps: ExportDeps,
): void {
  app.get('/api/rooms/:roomId/export', async (request, reply) => {
    const member = await roomCaller(auth, request);
    const query = parseWith(exportQuerySchema, request.query, 'query');
    const file = await exportSheet(deps, member, query);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
}
