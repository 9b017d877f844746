// The versions table (migration 0008), portable to SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const versionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sheet_versions')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('number', 'bigint', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('doc_seq', 'bigint', (c) => c.notNull())
      .addColumn('termsheet', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sheet_versions_pk', ['room_id', 'id'])
      .addUniqueConstraint('sheet_versions_number', ['room_id', 'number'])
      .execute();
  },
};
