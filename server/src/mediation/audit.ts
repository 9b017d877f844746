import {
  AUDIT_EXPORT_FORMAT,
  AUDIT_GENESIS_HASH,
  auditDetailsSchema,
} from '@parley/shared/mediation';
import type { AuditEntry, AuditExport, AuditVerification } from '@parley/shared/mediation';
import type { Store } from '../store/types';
import { hashAuditEntry, verifyAuditEntries } from './auditHash';

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

export type AuditListener = (entry: AuditEntry) => void;

/**
 * The append-only, hash-chained audit log of every server-authoritative action. Each entry's
 * hash covers its canonical serialisation including the previous entry's hash, so altering,
 * removing or reordering a stored entry breaks the chain at that entry.
 */
export class AuditLog {
  private readonly listeners = new Set<AuditListener>();

  constructor(
    private readonly store: Store,
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
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A listener's failure must not turn a committed entry into a reported failure.
      }
    }
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

  /** Called after each committed entry. Returns unsubscribe. */
  onAppend(listener: AuditListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
