// The versions slice's table, as Kysely sees it.
import type { Int8 } from '../../store/columns';

/**
 * One named version of a room's sheet per row: the term sheet and its value result as JSON, who
 * kept it and why. Numbered 1, 2, 3… per room.
 */
export interface SheetVersionsTable {
  room_id: string;
  id: string;
  number: Int8;
  name: string;
  kind: string;
  /** The author as JSON, or null for a milestone the server kept. */
  created_by: string | null;
  created_at: Int8;
  doc_seq: Int8;
  termsheet: string;
  value: string;
}

export interface VersionTables {
  sheet_versions: SheetVersionsTable;
}
