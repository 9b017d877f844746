// Opens the embedded SQLite database in DATA_DIR, in WAL mode, with the durability the store
// promises; the raw handle is kept for the update path's prepared statements.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

export const SQLITE_FILE_NAME = 'parley.db';

/**
 * `normal`: in WAL mode a commit has reached the WAL file (the OS holds it) when it returns, so it
 * survives the process being killed at any moment; only an OS crash or power cut can lose the last
 * commits, and it never corrupts the file. `full` also fsyncs the WAL at every commit, surviving a
 * power cut at the cost of one disk flush per update.
 */
export type SqliteSynchronous = 'normal' | 'full';

export interface SqliteConnection<DB> {
  db: Kysely<DB>;
  raw: BetterSqlite3.Database;
}

export function openSqlite<DB>(
  dataDir: string,
  synchronous: SqliteSynchronous = 'normal',
): SqliteConnection<DB> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SQLITE_FILE_NAME);
  const created = !existsSync(file);
  const sqlite = new BetterSqlite3(file);
  try {
    // The negotiation's data is for its parties only: nobody else on the machine reads the file.
    if (created) chmodSync(file, 0o600);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // Another process holding the write lock (a backup, a second server started by mistake) makes
    // us wait rather than fail at once.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) }), raw: sqlite };
}
