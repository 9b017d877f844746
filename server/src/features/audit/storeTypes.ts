// What the audit slice of the store offers: append-only, numbered entries per room.
import type { AuditEntry } from '@parley/shared/mediation';

/** The audit entry just before the one being appended (null for a room's first). */
export interface AuditTip {
  seq: number;
  hash: string;
}

export interface AuditStore {
  /**
   * Appends one audit entry built from the current tip, in a transaction; `build` must be pure
   * because a collision with a concurrent append (another instance) runs it again.
   */
  appendAudit(roomId: string, build: (tip: AuditTip | null) => AuditEntry): Promise<AuditEntry>;
  /** A room's entries in seq order (every room's with null, by room then seq). */
  listAudit(roomId: string | null): Promise<AuditEntry[]>;
}
