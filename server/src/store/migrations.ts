import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { Database } from './schema';
import { commentsMigration } from './commentMigration';
import { agreementMigration } from './agreementMigration';
import { governanceMigration } from './governanceMigration';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * Migrations are listed here rather than discovered on disk, so they run the same from TS sources,
 * tests and any bundle. Names sort in the order they apply; never edit one that has shipped.
 */
function migrations(kind: StoreKind): Record<string, Migration> {
  const bytes = kind === 'postgres' ? sql`bytea` : sql`blob`;
  return {
    '0001_rooms_members_documents': {
      async up(db: Kysely<unknown>) {
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

        // seq is per room and handed out under the room row's lock (see kyselyStore.ts), so the
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
      },
    },
    '0002_comments': commentsMigration,
    '0003_mediation_governance': governanceMigration(kind),
    '0004_mediation_agreement': agreementMigration,
  };
}

function providerFor(kind: StoreKind): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(kind)) };
}

/**
 * Brings the schema to the latest version. Kysely records applied migrations and, on PostgreSQL,
 * holds an advisory lock while migrating, so several instances starting at once are safe.
 */
export async function migrateToLatest(db: Kysely<Database>, kind: StoreKind): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: providerFor(kind),
    migrationTableName: 'parley_migrations',
    migrationLockTableName: 'parley_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`store migration ${failed ?? ''} failed: ${reason}`, { cause: error });
  }
}
