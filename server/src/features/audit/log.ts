// The rooms' audit log: append-only and hash-chained, written by every feature that acts for
// a member, read back by the organizer and the mediator, verified by `pnpm audit:verify`.
import {
  AUDIT_EXPORT_FORMAT,
  AUDIT_GENESIS_HASH,
  auditDetailsSchema,
} from '@parley/shared/mediation';
import type { AuditEntry, AuditExport, AuditVerification } from '@parley/shared/mediation';
import { hashAuditEntry, verifyAuditEntries } from './hash';
import type { AuditStore } from './storeTypes';

export interface AuditAppend {
  /** The member who acted; null for the server itself. */
  actorId: string | null;
  /** e.g. 'lock.set', 'invite.created', 'proposal.accepted'. */
  action: string;
  /** What was acted on: a clause, member, dispute or proposal id. */
  target?: string;
  /** JSON-safe facts about the action; never a confidential value. */
  details?: Record<string, unknown>;
}

/**
 * The append-only, hash-chained audit log of every server-authoritative action. Each entry's
 * hash covers its canonical serialisation including the previous entry's hash, so altering,
 * removing or reordering a stored entry breaks the chain at that entry.
 */
export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async append(roomId: string, input: AuditAppend): Promise<AuditEntry> {
    const parsed = auditDetailsSchema.safeParse(input.details ?? {});
    if (!parsed.success) {
      throw new TypeError(`audit details must be plain JSON: ${parsed.error.message}`);
    }
    const details = parsed.data;
    const at = this.now();
    const entry = await this.store.appendAudit(roomId, (tip) => {
      const unhashed = {
        seq: (tip?.seq ?? 0) + 1,
        roomId,
        at,
        actorId: input.actorId,
        action: input.action,
        target: input.target ?? null,
        details,
        prevHash: tip?.hash ?? AUDIT_GENESIS_HASH,
      };
      return { ...unhashed, hash: hashAuditEntry(unhashed) };
    });
    return entry;
  }

  list(roomId: string): Promise<AuditEntry[]> {
    return this.store.listAudit(roomId);
  }

  verify(entries: readonly AuditEntry[]): AuditVerification {
    return verifyAuditEntries(entries);
  }

  async export(roomId: string): Promise<AuditExport> {
    const entries = await this.list(roomId);
    return {
      format: AUDIT_EXPORT_FORMAT,
      roomId,
      exportedAt: this.now(),
      entries,
      verification: this.verify(entries),
    };
  }
}
