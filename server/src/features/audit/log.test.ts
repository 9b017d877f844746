import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flattenedVerify, importJWK } from 'jose';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUDIT_GENESIS_HASH,
  canonicalAuditEntryV1,
  signedDocumentPayload,
} from '@parley/shared/mediation';
import type { AuditDetails, AuditEntry } from '@parley/shared/mediation';
import { createStore } from '../../store';
import type { Store, StoreKind } from '../../store';
import { migrateToLatest } from '../../store/migrations';
import { openPostgres } from '../../store/postgresDatabase';
import { openSqlite } from '../../store/sqliteDatabase';
import { migrations } from '../../store/store';
import { createTestRoom } from '../../testing';
import { sha256Hex } from './hash';
import { deriveAuditKeys } from './keys';
import { AuditLog } from './log';
import { verifySignedDocument } from './signing';

// The audit log over real stores: a database from before the keyed chain upgraded in place, the
// seal that is made once and never again, signatures any JOSE library accepts, and several
// instances appending to one PostgreSQL database at once.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-audit-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function openSqliteStore(dataDir: string): Store {
  const store = createStore({ kind: 'sqlite', dataDir });
  cleanups.push(() => store.close());
  return store;
}

const ADMIN_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * An empty database: stores over it (closed after the test), and raw access as someone with its
 * password has (the caller destroys it).
 */
interface Database {
  kind: StoreKind;
  store(): Store;
  raw<DB>(): Kysely<DB>;
}

const databases: { name: string; fresh(): Promise<Database> }[] = [
  {
    name: 'SQLite',
    async fresh() {
      const dataDir = tempDir();
      return {
        kind: 'sqlite',
        store: () => openSqliteStore(dataDir),
        raw: <DB>() => openSqlite<DB>(dataDir).db,
      };
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const name = `parley_audit_${randomBytes(6).toString('hex')}`;
      await admin(`CREATE DATABASE ${name}`);
      cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      const databaseUrl = url.toString();
      return {
        kind: 'postgres',
        store() {
          const store = createStore({ kind: 'postgres', databaseUrl });
          cleanups.push(() => store.close());
          return store;
        },
        raw: <DB>() => openPostgres<DB>(databaseUrl).db,
      };
    },
  },
];

interface LegacyTables {
  audit_log: {
    room_id: string;
    seq: number;
    at: number;
    actor_id: string | null;
    action: string;
    target: string | null;
    details: string;
    prev_hash: string;
    hash: string;
  };
  members: {
    id: string;
    room_id: string;
    name: string;
    role: string;
    party_id: string | null;
    created_at: number;
    revoked_at: number | null;
  };
}

/** A database as the server before the keyed chain left it: one SHA-256 chain per room. */
async function legacyDatabase(database: Database): Promise<AuditEntry[]> {
  const earlier = Object.fromEntries(
    Object.entries(migrations(database.kind)).filter(([name]) => name < '0005'),
  );
  const store = database.store();
  const db = database.raw<LegacyTables>();
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, earlier);
    await createTestRoom(store, 'r1');
    await db
      .insertInto('members')
      .values({
        id: 'm-partner',
        room_id: 'r1',
        name: 'Other party',
        role: 'negotiator',
        party_id: 'partner',
        created_at: 2,
        revoked_at: null,
      })
      .execute();
    const actions: [string, string | null][] = [
      ['invite.created', 'org'],
      ['position.set', 'm-partner'],
      ['clause.locked', 'org'],
    ];
    const entries: AuditEntry[] = [];
    let prevHash = AUDIT_GENESIS_HASH;
    for (const [i, [action, actorId]] of actions.entries()) {
      const details: AuditDetails = action === 'invite.created' ? { partyId: 'partner' } : {};
      const unhashed = {
        chain: 'room',
        seq: i + 1,
        roomId: 'r1',
        at: 10 + i,
        actorId,
        action,
        target: null,
        details,
        prevHash,
      };
      const hash = sha256Hex(canonicalAuditEntryV1(unhashed));
      entries.push({ ...unhashed, hash });
      prevHash = hash;
      await db
        .insertInto('audit_log')
        .values({
          room_id: 'r1',
          seq: unhashed.seq,
          at: unhashed.at,
          actor_id: actorId,
          action,
          target: null,
          details: JSON.stringify(unhashed.details),
          prev_hash: unhashed.prevHash,
          hash,
        })
        .execute();
    }
    return entries;
  } finally {
    await db.destroy();
  }
}

describe.each(databases)('a $name database from before the keyed chain', ({ fresh }) => {
  it('keeps its SHA-256 entries verifiable, seals its heads once and keys every later entry', async () => {
    const database = await fresh();
    const legacy = await legacyDatabase(database);
    const store = database.store();
    await store.migrate();
    const secret = randomBytes(32);
    const audit = new AuditLog(store, { secret });

    expect(await audit.verify('r1')).toEqual({
      ok: true,
      count: 3,
      heads: [
        { chain: 'room', count: 3, hash: legacy[2]!.hash },
        // The parties with members when the database was upgraded have their chains.
        { chain: 'party:carmaker', count: 0, hash: AUDIT_GENESIS_HASH },
        { chain: 'party:partner', count: 0, hash: AUDIT_GENESIS_HASH },
      ],
    });
    expect(await store.getAuditHead('r1', 'room')).toMatchObject({ count: 3, keyedFrom: 4 });
    const seal = await store.getAuditSeal();
    expect(seal).toMatchObject({ keyId: audit.keys.kid });

    const added = await audit.append('r1', { actorId: 'org', action: 'clause.unlocked' });
    expect(added).toMatchObject({ chain: 'room', seq: 4, prevHash: legacy[2]!.hash });
    expect(added.hash).not.toBe(sha256Hex(canonicalAuditEntryV1(added)));
    expect(await audit.verify('r1')).toMatchObject({ ok: true, count: 4 });

    // The old entry telling of the other party's position shows to the organizer as a hash only.
    const organizerView = await audit.exportFor({
      roomId: 'r1',
      role: 'organizer',
      partyId: 'carmaker',
    });
    expect(organizerView.entries[1]).toEqual({
      chain: 'room',
      seq: 2,
      roomId: 'r1',
      redacted: true,
      prevHash: legacy[0]!.hash,
      hash: legacy[1]!.hash,
    });
    expect(organizerView.verification).toMatchObject({ ok: true });
    expect(verifySignedDocument(organizerView, [audit.keys.publicJwk])).toEqual({
      ok: true,
      kid: audit.keys.kid,
    });
    const mediatorView = await audit.exportFor({ roomId: 'r1', role: 'mediator', partyId: null });
    expect(mediatorView.entries[1]).toMatchObject({ action: 'position.set' });

    // Another instance with the same SECRET finds the seal and never seals again.
    const again = new AuditLog(store, { secret });
    await again.append('r1', { actorId: null, action: 'test.again' });
    expect(await store.getAuditSeal()).toEqual(seal);

    // One with another SECRET refuses to extend a log it cannot verify.
    const stranger = new AuditLog(store, { secret: randomBytes(32) });
    await expect(stranger.append('r1', { actorId: null, action: 'test.stranger' })).rejects.toThrow(
      /sealed with key .* but this SECRET gives key/,
    );
  });

  it('refuses to seal again once keyed entries exist, even with the seal record deleted', async () => {
    const database = await fresh();
    await legacyDatabase(database);
    const store = database.store();
    await store.migrate();
    const secret = randomBytes(32);
    await new AuditLog(store, { secret }).append('r1', { actorId: null, action: 'test.keyed' });

    // Someone rewrites the database to look freshly upgraded: no seal, no MACs.
    const db = database.raw<{ audit_seal: { id: string }; audit_heads: { mac: string | null } }>();
    await db.deleteFrom('audit_seal').execute();
    await db.updateTable('audit_heads').set({ mac: null }).execute();
    await db.destroy();

    const restarted = new AuditLog(store, { secret });
    await expect(restarted.append('r1', { actorId: null, action: 'test.after' })).rejects.toThrow(
      /keyed audit entries exist/,
    );
    expect(await store.getAuditSeal()).toBeUndefined();
    expect(await restarted.verify('r1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('keyed audit entries exist'),
    });
  });
});

describe('signed exports', () => {
  it('derive the same key from the same SECRET and verify with a stock JOSE library', async () => {
    const secret = randomBytes(32);
    expect(deriveAuditKeys(secret).publicJwk).toEqual(deriveAuditKeys(secret).publicJwk);
    expect(deriveAuditKeys(randomBytes(32)).kid).not.toBe(deriveAuditKeys(secret).kid);

    const dataDir = tempDir();
    const store = openSqliteStore(dataDir);
    await store.migrate();
    await createTestRoom(store, 'r1');
    const audit = new AuditLog(store, { secret });
    await audit.recordRoomCreated('r1', { memberId: 'org', partyId: 'carmaker' });
    const exported = await audit.exportFor({ roomId: 'r1', role: 'mediator', partyId: null });

    const [header, , signature] = exported.signature.split('.') as [string, string, string];
    const payload = Buffer.from(signedDocumentPayload(exported)).toString('base64url');
    const key = await importJWK(audit.publicKeys().keys[0]!, 'EdDSA');
    const verified = await flattenedVerify({ protected: header, payload, signature }, key);
    expect(verified.protectedHeader).toEqual({ alg: 'EdDSA', kid: audit.keys.kid });

    const changed = { ...exported, exportedAt: exported.exportedAt + 1 };
    expect(verifySignedDocument(changed, [audit.keys.publicJwk])).toMatchObject({ ok: false });
    // Any document is signed the same way, e.g. the agreement export.
    const agreement = audit.signDocument({ format: 'parley.agreement/v1', head: exported.heads });
    expect(verifySignedDocument(agreement, audit.publicKeys().keys)).toMatchObject({ ok: true });
  });
});

describe('several instances on one PostgreSQL database', () => {
  it('keep every chain linked and every head right when they append at once', async () => {
    const database = await databases[1]!.fresh();
    const stores = [database.store(), database.store()];
    await Promise.all(stores.map((store) => store.migrate()));
    await createTestRoom(stores[0]!, 'r1');
    const secret = randomBytes(32);
    const logs = stores.map((store) => new AuditLog(store, { secret }));
    await logs[0]!.recordRoomCreated('r1', { memberId: 'org', partyId: 'carmaker' });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        logs[i % 2]!.append('r1', {
          actorId: i % 3 === 0 ? 'org' : null,
          // Some go to the organizer's party chain, the rest to the room chain.
          action: i % 3 === 0 ? 'position.set' : 'test.race',
          details: { i },
        }),
      ),
    );
    const verification = await logs[1]!.verify('r1');
    expect(verification).toMatchObject({
      ok: true,
      count: 31,
      heads: [
        { chain: 'room', count: 21 },
        { chain: 'party:carmaker', count: 10 },
      ],
    });
  });
});
