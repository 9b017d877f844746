// The audit log export over REST, for the organizer and the mediator.
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../../auth/authenticate';
import { ServiceError } from '../../errors';
import { roomCaller } from '../../http';
import type { AuditLog } from './log';

export function registerAuditRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  audit: AuditLog,
): void {
  app.get('/api/rooms/:roomId/audit', async (request) => {
    const caller = await roomCaller(auth, request);
    if (caller.role !== 'organizer' && caller.role !== 'mediator') {
      throw new ServiceError(
        403,
        'forbidden',
        `A ${caller.role} may not export the audit log; the organizer and the mediator may.`,
      );
    }
    return audit.export(caller.roomId);
  });
}
