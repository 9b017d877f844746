// The agreement's store slice on SQLite and PostgreSQL alike: proposals in creation order,
// sign-offs and their voiding, positions per party and one overlap publication per parameter.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position, Proposal, SignOff } from '@parley/shared/mediation';
import { createStore } from '../../store';
import type { Store } from '../../store';

const ADMIN_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `parley_test_${randomBytes(6).toString('hex')}`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const proposal = (id: string, at: number): Proposal => ({
  id,
  roomId: 'r1',
  clauseId: 'c-share',
  params: [{ path: 'fixed.csp', value: 50 }],
  text: null,
  rationale: 'why',
  author: { memberId: 'm1', name: 'A', role: 'negotiator', partyId: 'csp' },
  createdAt: at,
  updatedAt: at,
  baseHash: 'sha256:x',
  status: 'open',
  counterTo: null,
  counteredBy: null,
  decisions: [],
  appliedAt: null,
  appliedBy: null,
  staleAt: null,
});

const position = (partyId: string, value: number): Position => ({
  partyId,
  clauseId: 'c-share',
  param: 'fixed.csp',
  bound: 'min',
  value,
  shared: false,
  updatedAt: 5,
  updatedBy: 'm1',
});

function contract(name: string, open: () => Promise<{ store: Store; cleanup(): Promise<void> }>) {
  describe(`agreement store on ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
      await store.migrate();
      await store.createRoom({ id: 'r1', title: 'Room', createdAt: 1 }, new Uint8Array([0, 0]), {
        id: 'm1',
        roomId: 'r1',
        name: 'A',
        role: 'organizer',
        partyId: 'csp',
        createdAt: 1,
        revokedAt: null,
      });
    });

    afterAll(async () => cleanup?.());

    it('keeps proposals in creation order and replaces them on save', async () => {
      await store.saveProposal(proposal('p2', 20));
      await store.saveProposal(proposal('p1', 10));
      await store.saveProposal({ ...proposal('p2', 20), status: 'applied', updatedAt: 30 });
      expect((await store.listProposals('r1')).map((p) => [p.id, p.status])).toEqual([
        ['p1', 'open'],
        ['p2', 'applied'],
      ]);
      expect(await store.getProposal('r1', 'p2')).toMatchObject({ status: 'applied' });
      expect(await store.getProposal('r1', 'nope')).toBeUndefined();
      expect(await store.listProposals('other')).toEqual([]);
    });

    it('stores sign-offs and their voiding', async () => {
      const signOff: SignOff = {
        id: 's1',
        roomId: 'r1',
        clauseId: 'c',
        partyId: 'csp',
        memberId: 'm1',
        memberName: 'A',
        contentHash: 'sha256:a',
        valueHash: 'sha256:b',
        headerHash: null,
        assumptionsHash: null,
        auditHead: null,
        signedAt: 7,
        voidedAt: null,
        voidReason: null,
      };
      await store.saveSignOff(signOff);
      await store.saveSignOff({ ...signOff, voidedAt: 9, voidReason: 'value-changed' });
      expect(await store.listSignOffs('r1')).toEqual([
        { ...signOff, voidedAt: 9, voidReason: 'value-changed' },
      ]);
    });

    it('reads positions per party and deletes only the party’s own', async () => {
      await store.savePosition('r1', position('csp', 31.4159));
      await store.savePosition('r1', position('partner', 27.5));
      await store.savePosition('r1', { ...position('csp', 32.5), shared: true });
      expect(await store.listPositions('r1', 'csp')).toEqual([
        { ...position('csp', 32.5), shared: true },
      ]);
      expect((await store.listPositions('r1', null)).map((p) => p.partyId).sort()).toEqual([
        'csp',
        'partner',
      ]);
      const key = { clauseId: 'c-share', param: 'fixed.csp', bound: 'min' as const };
      expect(await store.deletePosition('r1', 'device', key)).toBe(false);
      expect(await store.deletePosition('r1', 'partner', key)).toBe(true);
      expect(await store.listPositions('r1', 'partner')).toEqual([]);
      expect(await store.listPositions('r1', 'csp')).toHaveLength(1);
    });

    it('keeps one publication per parameter', async () => {
      const pub = {
        clauseId: 'c-share',
        param: 'fixed.csp',
        overlap: false,
        publishedAt: 1,
        publishedBy: 'M',
      };
      await store.saveOverlapPublication('r1', pub);
      await store.saveOverlapPublication('r1', { ...pub, overlap: true, publishedAt: 2 });
      expect(await store.listOverlapPublications('r1')).toEqual([
        { ...pub, overlap: true, publishedAt: 2 },
      ]);
    });
  });
}

contract('SQLite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-agreement-'));
  const store = createStore({ kind: 'sqlite', dataDir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

contract('PostgreSQL', async () => {
  await admin(`CREATE DATABASE ${databaseName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName}`;
  const store = createStore({ kind: 'postgres', databaseUrl: url.toString() });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    },
  };
});
