import type { ColumnType } from 'kysely';
import type { CommentTables } from './commentSchema';
import type { AgreementTables } from './agreementSchema';
import type { GovernanceTables } from './governanceSchema';

/**
 * PostgreSQL hands bigint columns back as strings (they may exceed 2^53); SQLite hands back numbers.
 * Every read goes through `toNumber`, so the selected type admits both.
 */
export type Int8 = ColumnType<number | string, number, number>;
/** Both drivers return a Node Buffer; callers get a plain Uint8Array copy (see rows.ts). */
export type Bytes = ColumnType<Buffer, Buffer, Buffer>;

export interface RoomsTable {
  id: string;
  title: string;
  created_at: Int8;
  /** Highest seq ever given to one of the room's updates; never decreases, even after compaction. */
  last_seq: Int8;
}

export interface MembersTable {
  room_id: string;
  id: string;
  name: string;
  role: string;
  party_id: string | null;
  created_at: Int8;
  revoked_at: ColumnType<number | string | null, number | null, number | null>;
}

export interface DocUpdatesTable {
  room_id: string;
  seq: Int8;
  data: Bytes;
  member_id: string | null;
  created_at: Int8;
}

export interface DocSnapshotsTable {
  room_id: string;
  data: Bytes;
  upto_seq: Int8;
}

export interface ClauseChangesTable {
  room_id: string;
  seq: Int8;
  clause_id: string;
  member_id: string | null;
  at: Int8;
}

export interface Database extends CommentTables, GovernanceTables, AgreementTables {
  rooms: RoomsTable;
  members: MembersTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  clause_changes: ClauseChangesTable;
}
