// The audit log: every server-authoritative action of a room in one hash chain.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { AuditLog } from './log';
import { registerAuditRoutes } from './routes';

export { AuditLog } from './log';
export type { AuditAppend } from './log';
export { verifyAuditEntries } from './hash';
export { createAuditStore } from './store';
export { createAuditTables } from './migration';
export type { AuditTables } from './schema';
export type { AuditStore, AuditTip } from './storeTypes';

export function createAuditFeature(deps: { auth: Authenticator; audit: AuditLog }): Feature {
  return { name: 'audit', routes: (app) => registerAuditRoutes(app, deps.auth, deps.audit) };
}
