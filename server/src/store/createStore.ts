// Opens the store on SQLite (a file in DATA_DIR) or PostgreSQL, with every slice over the same
// connection.
import type { Kysely } from 'kysely';
import { createAgreementStore } from '../features/agreement';
import type { AgreementTables } from '../features/agreement';
import { createAuditStore } from '../features/audit';
import type { AuditTables } from '../features/audit';
import { createCommentStore } from '../features/comments';
import type { CommentTables } from '../features/comments';
import { createGovernanceStore } from '../features/governance';
import type { GovernanceTables } from '../features/governance';
import { createVersionStore } from '../features/versions';
import type { VersionTables } from '../features/versions';
import type { CoreTables } from './coreSchema';
import { checkAppend, postgresAppendBatch, sqliteAppendBatch } from './appendBatch';
import { createCoreStore } from './coreStore';
import { GroupCommit } from './groupCommit';
import type { CommitBatch } from './groupCommit';
import { createMemberSeatStore } from './memberSeats';
import { migrateToLatest } from './migrations';
import { openPostgres } from './postgresDatabase';
import { openSqlite } from './sqliteDatabase';
import type { SqliteSynchronous } from './sqliteDatabase';
import { migrations } from './store';
import type { Database, Store } from './store';
import { withTiming } from './timing';
import type { QueryTimer } from './timing';
import type { StoreKind } from './types';

export type StoreOptions = (
  | { kind: 'sqlite'; dataDir: string; synchronous?: SqliteSynchronous }
  | { kind: 'postgres'; databaseUrl: string }
) & {
  /** Store latency hook, e.g. for a histogram metric. */
  onQuery?: QueryTimer;
};

/**
 * A slice's view of the database: only its own tables. Kysely's types are not covariant in the
 * schema, so this one cast stands for "the whole schema contains this slice's tables", which the
 * constraint checks.
 */
function slice<T extends object>(db: Kysely<Database>): Database extends T ? Kysely<T> : never {
  return db as unknown as Database extends T ? Kysely<T> : never;
}

function storeOver(db: Kysely<Database>, kind: StoreKind, commit: CommitBatch): Store {
  let closing: Promise<void> | undefined;
  const appends = new GroupCommit(commit);
  return {
    ...createCoreStore(slice<CoreTables>(db)),
    ...createMemberSeatStore(slice<CoreTables>(db)),
    ...createCommentStore(slice<CommentTables>(db)),
    ...createGovernanceStore(slice<GovernanceTables>(db)),
    ...createAuditStore(slice<AuditTables>(db)),
    ...createAgreementStore(slice<AgreementTables>(db)),
    ...createVersionStore(slice<VersionTables>(db)),
    appendUpdate(update) {
      checkAppend(update);
      return appends.append(update);
    },
    kind,
    migrate: () => migrateToLatest(db, migrations(kind)),
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}

/** Opens the store; call `migrate()` on it before use. */
export function createStore(options: StoreOptions): Store {
  let store: Store;
  if (options.kind === 'sqlite') {
    const { db, raw } = openSqlite<Database>(options.dataDir, options.synchronous);
    // Prepared once the schema exists: statements compile against tables.
    let batch: CommitBatch | null = null;
    store = storeOver(db, 'sqlite', (items) => (batch ??= sqliteAppendBatch(raw))(items));
  } else {
    const { db, pool } = openPostgres<Database>(options.databaseUrl);
    store = storeOver(db, 'postgres', postgresAppendBatch(pool));
  }
  return options.onQuery ? withTiming(store, options.onQuery) : store;
}
