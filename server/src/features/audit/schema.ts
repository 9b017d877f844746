// The audit slice's table, as Kysely sees it.
import type { Int8 } from '../../store/columns';

export interface AuditLogTable {
  room_id: string;
  seq: Int8;
  at: Int8;
  actor_id: string | null;
  action: string;
  target: string | null;
  /** AuditDetails as JSON, exactly as hashed. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
