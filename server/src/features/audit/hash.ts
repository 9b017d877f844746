// SHA-256 over the canonical serialisation of each entry, chained through the previous hash.
import { createHash } from 'node:crypto';
import { canonicalAuditEntry, verifyAuditChain } from '@parley/shared/mediation';
import type { AuditEntry, AuditVerification, UnhashedAuditEntry } from '@parley/shared/mediation';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashAuditEntry(entry: UnhashedAuditEntry): string {
  return sha256Hex(canonicalAuditEntry(entry));
}

/** Checks one room's chain (oldest first) with SHA-256. */
export function verifyAuditEntries(entries: readonly AuditEntry[]): AuditVerification {
  return verifyAuditChain(entries, sha256Hex);
}
