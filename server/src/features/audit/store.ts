// The audit slice of the store: the hash chain's rows, appended under the room's next number.
import type { Kysely, Selectable } from 'kysely';
import { auditDetailsSchema } from '@parley/shared/mediation';
import type { AuditEntry } from '@parley/shared/mediation';
import { toNumber, withNumberingRetry } from '../../store/columns';
import type { AuditTables } from './schema';
import type { AuditStore } from './storeTypes';

const auditColumns = [
  'room_id',
  'seq',
  'at',
  'actor_id',
  'action',
  'target',
  'details',
  'prev_hash',
  'hash',
] as const;

function auditFromRow(row: Selectable<AuditTables['audit_log']>): AuditEntry {
  let details: Record<string, unknown>;
  try {
    // A row whose details no longer parse is still returned (as a marker) so that verification
    // reports it instead of the whole read failing.
    details = auditDetailsSchema.parse(JSON.parse(row.details));
  } catch {
    details = { unreadable: row.details };
  }
  return {
    seq: toNumber(row.seq),
    roomId: row.room_id,
    at: toNumber(row.at),
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    details: details as AuditEntry['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function createAuditStore(db: Kysely<AuditTables>): AuditStore {
  return {
    async appendAudit(roomId, build) {
      return withNumberingRetry(() =>
        db.transaction().execute(async (trx) => {
          const last = await trx
            .selectFrom('audit_log')
            .select(['seq', 'hash'])
            .where('room_id', '=', roomId)
            .orderBy('seq', 'desc')
            .limit(1)
            .executeTakeFirst();
          const entry = build(last ? { seq: toNumber(last.seq), hash: last.hash } : null);
          await trx
            .insertInto('audit_log')
            .values({
              room_id: entry.roomId,
              seq: entry.seq,
              at: entry.at,
              actor_id: entry.actorId,
              action: entry.action,
              target: entry.target,
              details: JSON.stringify(entry.details),
              prev_hash: entry.prevHash,
              hash: entry.hash,
            })
            .execute();
          return entry;
        }),
      );
    },

    async listAudit(roomId) {
      let query = db.selectFrom('audit_log').select(auditColumns);
      if (roomId !== null) query = query.where('room_id', '=', roomId);
      const rows = await query.orderBy('room_id').orderBy('seq').execute();
      return rows.map(auditFromRow);
    },
  };
}
