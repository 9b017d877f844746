// Opens a PostgreSQL connection pool; the pool is kept for the update path's prepared statements.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

export interface PostgresConnection<DB> {
  db: Kysely<DB>;
  pool: pg.Pool;
}

export function openPostgres<DB>(databaseUrl: string): PostgresConnection<DB> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server emits here; without a listener Node would crash the
  // process. The pool replaces the connection, and a query on a dead server rejects on its own.
  pool.on('error', () => {});
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), pool };
}
