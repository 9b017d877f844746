// The audit log over REST: a reader's signed export, for the organizer and the mediator, and the
// public key its signature verifies with, for anyone.
import type { FastifyInstance } from 'fastify';
import { AUDIT_PUBLIC_KEY_PATH } from '@parley/shared/mediation';
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
    return audit.exportFor({
      roomId: caller.roomId,
      role: caller.role,
      partyId: caller.partyId,
    });
  });

  app.get(AUDIT_PUBLIC_KEY_PATH, async (_request, reply) => {
    // The key only changes with SECRET; a party may fetch and keep it at any time.
    reply.header('cache-control', 'public, max-age=300');
    return audit.publicKeys();
  });
}
