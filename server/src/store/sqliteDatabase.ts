// Opens the embedded SQLite database in DATA_DIR, in WAL mode, with the durability the store
// promises.
import { mkdirSync } from 'node:fs';
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

export function openSqlite<DB>(
  dataDir: string,
  synchronous: SqliteSynchronous = 'normal',
): Kysely<DB> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(join(dataDir, SQLITE_FILE_NAME));
  try {
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
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}
