import { createKyselyStore } from './kyselyStore';
import { openPostgres } from './postgresDatabase';
import { openSqlite } from './sqliteDatabase';
import type { SqliteSynchronous } from './sqliteDatabase';
import { withTiming } from './timing';
import type { QueryTimer } from './timing';
import type { Store } from './types';

export type StoreOptions = (
  | { kind: 'sqlite'; dataDir: string; synchronous?: SqliteSynchronous }
  | { kind: 'postgres'; databaseUrl: string }
) & {
  /** Store latency hook, e.g. for a histogram metric. */
  onQuery?: QueryTimer;
};

/** Opens the store; call `migrate()` on it before use. */
export function createStore(options: StoreOptions): Store {
  const store =
    options.kind === 'sqlite'
      ? createKyselyStore(openSqlite(options.dataDir, options.synchronous), 'sqlite')
      : createKyselyStore(openPostgres(options.databaseUrl), 'postgres');
  return options.onQuery ? withTiming(store, options.onQuery) : store;
}
