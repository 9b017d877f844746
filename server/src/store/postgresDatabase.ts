// Opens a PostgreSQL connection pool.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

export function openPostgres<DB>(databaseUrl: string): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server emits here; without a listener Node would crash the
  // process. The pool replaces the connection, and a query on a dead server rejects on its own.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
