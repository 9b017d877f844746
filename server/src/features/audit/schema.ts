// The audit slice's tables, as Kysely sees them: the chains' entries, each chain's sealed head,
// the record of when heads were first sealed, and the rooms table, read for its ids only.
import type { Int8 } from '../../store/columns';

export interface AuditEntriesTable {
  room_id: string;
  /** 'room' or 'party:<id>'; seq counts within the chain. */
  chain: string;
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

export interface AuditHeadsTable {
  room_id: string;
  chain: string;
  count: Int8;
  hash: string;
  /** The first seq hashed with the key; entries before it are the room chain's legacy SHA-256. */
  keyed_from: Int8;
  /** HMAC of the head; null only between the upgrade and the first start that seals it. */
  mac: string | null;
}

export interface AuditSealTable {
  /** Always 'heads': one row per database. */
  id: string;
  /** The kid of the key the heads were sealed with. */
  key_id: string;
  sealed_at: Int8;
  mac: string;
}

export interface AuditTables {
  audit_entries: AuditEntriesTable;
  audit_heads: AuditHeadsTable;
  audit_seal: AuditSealTable;
  /** Every room must have a room chain head; this is how the verifier finds rooms without one. */
  rooms: { id: string };
}
