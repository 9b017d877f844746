// The store contract on PostgreSQL, plus what only instances sharing one database show: migrations
// started at once, consecutive seqs across instances, and a clear failure when it is unreachable.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from './index';
import { describeStoreContract } from './storeContract';

// PostgreSQL runs on every development machine and in CI: if it is unreachable this file fails.
const ADMIN_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `parley_test_${randomBytes(6).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${databaseName}`);
});

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

describeStoreContract('PostgreSQL', async () => {
  const store = createStore({ kind: 'postgres', databaseUrl });
  await store.migrate();
  return { store, cleanup: () => store.close() };
});

describe('PostgreSQL store', () => {
  it('migrates safely when several instances start at once', async () => {
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const stores = Array.from({ length: 4 }, () =>
      createStore({ kind: 'postgres', databaseUrl: url.toString() }),
    );
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const [first, second] = stores;
      await first?.createRoom({ id: 'r1', title: 'Pilot', createdAt: 1 }, new Uint8Array([1]), {
        id: 'm1',
        roomId: 'r1',
        name: 'Olga',
        role: 'organizer',
        partyId: null,
        createdAt: 1,
        revokedAt: null,
      });
      expect(await second?.getRoom('r1')).toEqual({ id: 'r1', title: 'Pilot', createdAt: 1 });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('hands out consecutive seqs to appends from several instances at once', async () => {
    const stores = Array.from({ length: 3 }, () => createStore({ kind: 'postgres', databaseUrl }));
    try {
      const [first] = stores;
      await first?.createRoom({ id: 'multi', title: 'Pilot', createdAt: 1 }, new Uint8Array([0]), {
        id: 'm1',
        roomId: 'multi',
        name: 'Olga',
        role: 'organizer',
        partyId: null,
        createdAt: 1,
        revokedAt: null,
      });
      const seqs = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          stores[i % stores.length]!.appendUpdate({
            roomId: 'multi',
            data: new Uint8Array([i]),
            memberId: null,
            clauseIds: [],
            at: 2,
          }),
        ),
      );
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('rejects, rather than hangs or crashes, when the database cannot be reached', async () => {
    const url = new URL(ADMIN_URL);
    url.pathname = `/parley_missing_${randomBytes(6).toString('hex')}`;
    const store = createStore({ kind: 'postgres', databaseUrl: url.toString() });
    await expect(store.migrate()).rejects.toThrow();
    await expect(store.getRoom('r1')).rejects.toThrow();
    await store.close();
  });
});
