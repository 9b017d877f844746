// The audit log: every server-authoritative action of a room in keyed hash chains with sealed
// heads, signed exports per reader, and the public key that checks them.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { AuditLog } from './log';
import { registerAuditRoutes } from './routes';

export { AuditLog, AuditIntegrityError, auditHeadOf } from './log';
export type { AuditAppend, AuditLogOptions, AuditLogStore } from './log';
export { deriveAuditKeys } from './keys';
export type { AuditKeys } from './keys';
export { unkeyedHashCheck } from './hash';
export { signDocument, verifySignedDocument } from './signing';
export type { SignatureCheck } from './signing';
export { checkSeal } from './sealing';
export type { SealStatus } from './sealing';
export { verifyStoredRoom } from './verifyStored';
export type { StoredRoomAudit } from './verifyStored';
export { createAuditStore } from './store';
export { createAuditTables } from './migration';
export { auditKeyedChainMigration } from './keyedMigration';
export type { AuditTables } from './schema';
export type { AuditStore, AuditSeal, StoredAuditHead } from './storeTypes';

export function createAuditFeature(deps: { auth: Authenticator; audit: AuditLog }): Feature {
  return { name: 'audit', routes: (app) => registerAuditRoutes(app, deps.auth, deps.audit) };
}
