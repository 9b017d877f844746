// Runs the schema's migrations: Kysely records which have run and, on PostgreSQL, holds an
// advisory lock while migrating, so several instances starting at once are safe.
import { Migrator } from 'kysely/migration';
import type { Migration, MigratorProps } from 'kysely/migration';

export async function migrateToLatest(
  db: MigratorProps['db'],
  migrations: Record<string, Migration>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
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
