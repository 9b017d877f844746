// The core tables as Kysely sees them: rooms, members, document updates, snapshots and
// attribution of changes to clauses.
import type { ColumnType } from 'kysely';
import type { Bytes, Int8 } from './columns';

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

export interface CoreTables {
  rooms: RoomsTable;
  members: MembersTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  clause_changes: ClauseChangesTable;
}
