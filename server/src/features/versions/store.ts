// The versions slice of the store: one row per version, numbered per room, its sheet and value as
// JSON read back through their schemas.
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { versionAuthorSchema, versionKindSchema } from '@parley/shared/versions';
import type { VersionSummary } from '@parley/shared/versions';
import { toNumber, withNumberingRetry } from '../../store/columns';
import { parseStoredJson } from '../../store/json';
import type { SheetVersionsTable, VersionTables } from './schema';
import type { VersionStore } from './storeTypes';

const authorSchema = versionAuthorSchema.nullable();

function summaryOf(
  row: Omit<Selectable<SheetVersionsTable>, 'termsheet' | 'value'>,
): VersionSummary {
  return {
    id: row.id,
    roomId: row.room_id,
    number: toNumber(row.number),
    name: row.name,
    kind: versionKindSchema.parse(row.kind),
    createdBy:
      row.created_by === null
        ? null
        : parseStoredJson(authorSchema, row.created_by, 'version author'),
    createdAt: toNumber(row.created_at),
    docSeq: toNumber(row.doc_seq),
  };
}

const summaryColumns = [
  'room_id',
  'id',
  'number',
  'name',
  'kind',
  'created_by',
  'created_at',
  'doc_seq',
] as const;

export function createVersionStore(db: Kysely<VersionTables>): VersionStore {
  return {
    async addVersion(version) {
      return withNumberingRetry(() =>
        db.transaction().execute(async (trx) => {
          const last = await trx
            .selectFrom('sheet_versions')
            .select(sql<number | string | null>`max(number)`.as('n'))
            .where('room_id', '=', version.roomId)
            .executeTakeFirst();
          const number = (last?.n === null || last?.n === undefined ? 0 : toNumber(last.n)) + 1;
          await trx
            .insertInto('sheet_versions')
            .values({
              room_id: version.roomId,
              id: version.id,
              number,
              name: version.name,
              kind: version.kind,
              created_by: version.createdBy === null ? null : JSON.stringify(version.createdBy),
              created_at: version.createdAt,
              doc_seq: version.docSeq,
              termsheet: JSON.stringify(version.termsheet),
              value: JSON.stringify(version.value),
            })
            .execute();
          return { ...version, number };
        }),
      );
    },

    async listVersions(roomId) {
      const rows = await db
        .selectFrom('sheet_versions')
        .select([...summaryColumns])
        .where('room_id', '=', roomId)
        .orderBy('number')
        .execute();
      return rows.map(summaryOf);
    },

    async getVersion(roomId, versionId) {
      const row = await db
        .selectFrom('sheet_versions')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('id', '=', versionId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        ...summaryOf(row),
        termsheet: parseStoredJson(z.unknown(), row.termsheet, 'version term sheet'),
        value: parseStoredJson(z.unknown(), row.value, 'version value'),
      };
    },
  };
}
