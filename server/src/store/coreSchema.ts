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
  // Seats (migration 0007): who invited the member and the one session their invitation opened.
  invited_by: ColumnType<string | null, string | null | undefined, string | null>;
  creator: ColumnType<number, number | undefined, number>;
  joined_at: ColumnType<number | string | null, number | null | undefined, number | null>;
  session_id: ColumnType<string | null, string | null | undefined, string | null>;
  reuse_refused_at: ColumnType<number | string | null, number | null | undefined, number | null>;
}

/** A party's decision on a mediator or observer (migration 0007). */
export interface MemberConsentsTable {
  room_id: string;
  member_id: string;
  party_id: string;
  decision: string;
  decided_by: string;
  decided_at: Int8;
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
  member_consents: MemberConsentsTable;
}
