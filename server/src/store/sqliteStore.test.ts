// The store contract on SQLite, plus its data kept in DATA_DIR across a restart and the per-call
// timing hook, which sees failures too and may itself fail without failing the call.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, SQLITE_FILE_NAME } from './index';
import { describeStoreContract } from './storeContract';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'parley-store-'));
}

describeStoreContract('SQLite', async () => {
  const dataDir = await tempDir();
  const store = createStore({ kind: 'sqlite', dataDir });
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store', () => {
  it('keeps its data in DATA_DIR/parley.db across a restart', async () => {
    const dataDir = join(await tempDir(), 'nested', 'data');
    const first = createStore({ kind: 'sqlite', dataDir });
    await first.migrate();
    await first.createRoom({ id: 'r1', title: 'Pilot', createdAt: 1 }, new Uint8Array([1]), {
      id: 'm1',
      roomId: 'r1',
      name: 'Olga',
      role: 'organizer',
      partyId: null,
      createdAt: 1,
      revokedAt: null,
    });
    await first.appendUpdate({
      roomId: 'r1',
      data: new Uint8Array([2]),
      memberId: 'm1',
      clauseIds: [],
      at: 2,
    });
    await first.close();
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);

    const second = createStore({ kind: 'sqlite', dataDir });
    await second.migrate();
    const doc = await second.loadDoc('r1');
    expect(doc.updates.map((u) => Array.from(u.data))).toEqual([[1], [2]]);
    await second.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports each call to the timing hook, failures included', async () => {
    const dataDir = await tempDir();
    const calls: { op: string; ms: number; ok: boolean }[] = [];
    const store = createStore({
      kind: 'sqlite',
      dataDir,
      onQuery: (op, ms, ok) => calls.push({ op, ms, ok }),
    });
    await store.migrate();
    expect(await store.getRoom('none')).toBeUndefined();
    await expect(store.loadDoc('none')).rejects.toThrow();
    expect(calls.map(({ op, ok }) => [op, ok])).toEqual([
      ['migrate', true],
      ['getRoom', true],
      ['loadDoc', false],
    ]);
    for (const c of calls) expect(c.ms).toBeGreaterThanOrEqual(0);
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('still answers when the timing hook throws', async () => {
    const dataDir = await tempDir();
    const store = createStore({
      kind: 'sqlite',
      dataDir,
      onQuery: () => {
        throw new Error('metrics down');
      },
    });
    await store.migrate();
    expect(await store.getRoom('none')).toBeUndefined();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});
