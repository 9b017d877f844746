// The agreement slice's table, as Kysely sees it.
import type { ColumnType } from 'kysely';
import type { Int8 } from '../../store/columns';

/**
 * Proposals, sign-offs, confidential positions and overlap publications, one row each, the record
 * as JSON in `data`. `party_id` is the owning party of a position so that a party's reads select
 * only its own rows.
 */
export interface AgreementRecordsTable {
  room_id: string;
  kind: string;
  id: string;
  party_id: ColumnType<string | null, string | null, string | null>;
  data: string;
  updated_at: Int8;
}

export interface AgreementTables {
  agreement_records: AgreementRecordsTable;
}
