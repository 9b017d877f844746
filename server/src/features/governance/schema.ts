// The governance slice's tables, as Kysely sees them.
import type { Bytes, Int8, NullableInt8 } from '../../store/columns';

export interface MediationStateTable {
  room_id: string;
  mode: string;
  /** string[] of clause ids as JSON. */
  agenda: string;
  current_item: string | null;
  updated_at: Int8;
  /** Added by migration 0006: set while the sheet is agreed and frozen. */
  agreed_at: NullableInt8;
}

export interface ClauseLocksTable {
  room_id: string;
  clause_id: string;
  locked_by: string;
  locked_at: Int8;
}

export interface MediationDraftsTable {
  room_id: string;
  number: number;
  note: string;
  /** The document's state vector at publication, base64. */
  state_vector: string;
  /** The whole document state at publication (a Yjs update). */
  state: Bytes;
  created_by: string;
  created_at: Int8;
}

export interface MediationDraftVotesTable {
  room_id: string;
  number: number;
  party_id: string;
  vote: string;
  member_id: string;
  at: Int8;
}

export interface DisputesTable {
  room_id: string;
  id: string;
  clause_id: string;
  party_id: string;
  position: string;
  opened_by: string;
  opened_at: Int8;
  status: string;
  closed_by: string | null;
  closed_at: NullableInt8;
  resolution: string | null;
}

export interface CaucusMessagesTable {
  room_id: string;
  id: string;
  party_id: string;
  author_id: string;
  author_name: string;
  author_role: string;
  body: string;
  at: Int8;
}

export interface GovernanceTables {
  mediation_state: MediationStateTable;
  clause_locks: ClauseLocksTable;
  mediation_drafts: MediationDraftsTable;
  mediation_draft_votes: MediationDraftVotesTable;
  disputes: DisputesTable;
  caucus_messages: CaucusMessagesTable;
}
