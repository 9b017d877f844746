// The agreement table (migration 0004).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Proposals, sign-offs, confidential positions and overlap publications. */
export const agreementMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agreement_records')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('party_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('agreement_records_pk', ['room_id', 'kind', 'id'])
      .execute();
    await db.schema
      .createIndex('agreement_records_party')
      .on('agreement_records')
      .columns(['room_id', 'kind', 'party_id'])
      .execute();
  },
};
