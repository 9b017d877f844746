// The core tables (migration 0001): rooms, members, document updates, snapshots and clause
// changes.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreKind } from './types';

export async function createCoreTables(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const bytes = kind === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addPrimaryKeyConstraint('members_pk', ['room_id', 'id'])
    .execute();

  // seq is per room and handed out under the room row's lock (see coreStore.ts), so the
  // primary key also serves loading in order and deleting what a snapshot folds in.
  await db.schema
    .createTable('doc_updates')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_updates_pk', ['room_id', 'seq'])
    .execute();

  await db.schema
    .createTable('doc_snapshots')
    .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('upto_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clause_changes')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('clause_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('clause_changes_pk', ['room_id', 'seq', 'clause_id'])
    .execute();

  await db.schema
    .createIndex('clause_changes_room_at')
    .on('clause_changes')
    .columns(['room_id', 'at'])
    .execute();
}
