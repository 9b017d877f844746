// The audit log against a real server: every governance action and invite in one intact chain,
// racing appends, and a tampered row caught on SQLite and PostgreSQL.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AUDIT_GENESIS_HASH,
  canonicalAuditEntryV1,
  canonicalAuditEntryV2,
} from '@parley/shared/mediation';
import type {
  AuditEntry,
  AuditExport,
  AuditKeySet,
  Dispute,
  Draft,
} from '@parley/shared/mediation';
import {
  connectSocket,
  emitWithAck,
  invite,
  repoRoot,
  request,
  roomWithEveryRole,
  startServer,
  tempDataDir,
} from './helpers';
import type { StartedServer } from './helpers';

// The audit log as an auditor meets it, and as someone rewriting it would: the signed REST
// export and the public key, the verify command on the database and on exported files, before
// and after rows are dropped, deleted or edited and rehashed.

const run = promisify(execFile);
const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof startServer>[0] = {}): Promise<StartedServer> {
  const server = await startServer(options);
  cleanups.push(() => server.close());
  return server;
}

function dataDirForTest(): string {
  const dataDir = tempDataDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/**
 * Runs statements on a SQLite file directly, in one transaction, as someone with access to the
 * database could. The driver is the server's, so it runs from the server package.
 */
async function sqlite(file: string, statements: [string, unknown[]][]): Promise<void> {
  const script =
    'const [file, statements] = process.argv.slice(1);' +
    "const db = new (require('better-sqlite3'))(file);" +
    'db.transaction(() => { for (const [sql, values] of JSON.parse(statements)) db.prepare(sql).run(...values); })();' +
    'db.close();';
  await run(process.execPath, ['-e', script, file, JSON.stringify(statements)], {
    cwd: join(repoRoot, 'server'),
  });
}

async function verifyCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/auditVerify.ts', ...args],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Invites, locks, agenda, mode, a draft with a vote, a dispute: each leaves one entry. */
async function mediatedRoom(server: StartedServer) {
  const room = await roomWithEveryRole(server.url, 'insurer');
  const mediator = await connectSocket(server.url, room.tokens.mediator);
  const negotiator = await connectSocket(server.url, room.tokens.negotiator);
  cleanups.push(() => {
    mediator.close();
    negotiator.close();
  });
  const ok = async (socket: typeof mediator, event: string, payload: unknown) => {
    const ack = await emitWithAck(socket, event, payload);
    if (!ack.ok) throw new Error(`${event}: ${ack.error.message}`);
    return ack.data;
  };
  await ok(mediator, 'mediation:lock', { clauseId: 'c-term' });
  await ok(mediator, 'agenda:set', { items: ['c-term', 'c-exit'], current: 'c-term' });
  await ok(mediator, 'mediation:mode', { mode: 'single-text' });
  const draft = (await ok(mediator, 'drafts:publish', { note: 'First draft' })) as Draft;
  await ok(negotiator, 'drafts:vote', { number: draft.number, vote: 'no' });
  const dispute = (await ok(negotiator, 'disputes:open', {
    clauseId: 'c-exit',
    position: 'Notice must be 6 months.',
  })) as Dispute;
  await ok(mediator, 'disputes:resolve', { disputeId: dispute.id, resolution: 'Agreed on 4.' });
  await ok(mediator, 'mediation:unlock', { clauseId: 'c-term' });
  const late = await invite(server.url, room.roomId, room.tokens.organizer, {
    name: 'Late viewer',
    role: 'viewer',
    party: 'insurer',
  });
  await request(server.url, 'DELETE', `/api/rooms/${room.roomId}/invites/${late.id}`, {
    token: room.tokens.organizer,
  });
  return room;
}

/** What seating a room with every role leaves: invitations, joins and consents to the mediator. */
const SEATING = [
  'room.created',
  ...Array.from({ length: 3 }, () => ['invite.created', 'invite.joined']).flat(),
  ...Array.from({ length: 2 }, () => ['invite.created', 'invite.joined']).flat(),
  ...Array.from({ length: 2 }, () => [
    'invite.created',
    'consent.given',
    'invite.joined',
    'consent.given',
    'consent.given',
    'consent.given',
  ]).flat(),
];

const ACTIONS = [
  ...SEATING,
  'clause.locked',
  'agenda.set',
  'mode.changed',
  'draft.published',
  // A published draft is kept as a version of the sheet.
  'version.saved',
  'draft.voted',
  'dispute.opened',
  'dispute.resolved',
  'clause.unlocked',
  'invite.created',
  'invite.joined',
  'invite.revoked',
];
/** Entries in a mediated room's chain; tampering below keeps the first KEPT of them. */
const TOTAL = ACTIONS.length;
const KEPT = TOTAL - 3;
const VOTE = ACTIONS.indexOf('draft.voted') + 1;
/** The parties seated in such a room, each with its own private chain. */
const PARTIES = ['care', 'csp', 'device', 'insurer'];

async function exportOf(server: StartedServer, roomId: string, token: string) {
  const response = await request<AuditExport>(server.url, 'GET', `/api/rooms/${roomId}/audit`, {
    token,
  });
  expect(response.status).toBe(200);
  return response.body;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What someone without the key can do after editing an entry: recompute every hash from there
 * on (SHA-256 over the entry's canonical text) so that each prevHash links again.
 */
function rehashFrom<T extends AuditEntry>(entries: T[], seq: number): T[] {
  const out = structuredClone(entries);
  for (let i = seq - 1; i < out.length; i++) {
    const entry = out[i]!;
    entry.prevHash = i === 0 ? AUDIT_GENESIS_HASH : out[i - 1]!.hash;
    const { hash: _old, ...rest } = entry;
    entry.hash = sha256(canonicalAuditEntryV2(rest));
  }
  return out;
}

function roomEntries(exported: AuditExport): AuditEntry[] {
  return exported.entries.filter((e): e is AuditEntry => e.chain === 'room' && 'action' in e);
}

describe('the audit log', () => {
  it('records every action from the room’s creation in one keyed chain with its head, signed', async () => {
    const server = await started();
    const room = await mediatedRoom(server);
    const exported = await exportOf(server, room.roomId, room.tokens.mediator);
    expect(exported.format).toBe('parley.audit/v2');
    expect(exported.reader).toEqual({ role: 'mediator', partyId: null });
    expect(exported.entries.map((e) => ('action' in e ? e.action : 'redacted'))).toEqual(ACTIONS);
    const last = exported.entries.at(-1)!;
    expect(exported.heads).toEqual([
      { chain: 'room', count: TOTAL, hash: last.hash, keyedFrom: 1 },
      // Every seated party has its own (so far empty) chain.
      ...PARTIES.map((p) => ({
        chain: `party:${p}`,
        count: 0,
        hash: AUDIT_GENESIS_HASH,
        keyedFrom: 1,
      })),
    ]);
    expect(exported.verification).toEqual({
      ok: true,
      count: TOTAL,
      heads: [
        { chain: 'room', count: TOTAL, hash: last.hash },
        ...PARTIES.map((p) => ({ chain: `party:${p}`, count: 0, hash: AUDIT_GENESIS_HASH })),
      ],
    });
    roomEntries(exported).forEach((entry, i, all) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? AUDIT_GENESIS_HASH : all[i - 1]!.hash);
      // Keyed: nobody without the server's SECRET can compute these hashes.
      const { hash, ...rest } = entry;
      expect(hash).not.toBe(sha256(canonicalAuditEntryV2(rest)));
      expect(hash).not.toBe(sha256(canonicalAuditEntryV1(rest)));
    });
    const vote = roomEntries(exported).find((e) => e.action === 'draft.voted')!;
    expect(vote).toMatchObject({
      actorId: room.memberIds.negotiator,
      target: '1',
      details: { partyId: 'insurer', vote: 'no' },
    });
    // Invite entries never carry the token.
    expect(JSON.stringify(exported)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(exported.signature).toMatch(/^[\w-]+\.\.[\w-]+$/);
    expect(await server.server.audit.head(room.roomId)).toEqual({
      chain: 'room',
      count: TOTAL,
      hash: last.hash,
    });
  });

  it('publishes the public key anyone checks signatures with, the same for every instance with the same SECRET', async () => {
    const secret = randomBytes(24).toString('hex');
    const [a, b, other] = await Promise.all([
      started({ env: { SECRET: secret } }),
      started({ env: { SECRET: secret } }),
      started(),
    ]);
    const keyOf = async (server: StartedServer) => {
      const response = await request<AuditKeySet>(server.url, 'GET', '/api/audit/public-key');
      expect(response.status).toBe(200);
      return response.body;
    };
    const key = await keyOf(a);
    expect(key.keys).toEqual([
      {
        kty: 'OKP',
        crv: 'Ed25519',
        x: expect.stringMatching(/^[\w-]{43}$/),
        kid: expect.any(String),
        alg: 'EdDSA',
        use: 'sig',
      },
    ]);
    expect(await keyOf(b)).toEqual(key);
    expect((await keyOf(other)).keys[0]!.kid).not.toBe(key.keys[0]!.kid);
  });

  it('keeps one chain and its head when many appends race', async () => {
    const server = await started();
    const room = await roomWithEveryRole(server.url, 'insurer');
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        server.server.audit.append(room.roomId, {
          actorId: null,
          action: 'test.race',
          details: { i },
        }),
      ),
    );
    const exported = await exportOf(server, room.roomId, room.tokens.organizer);
    expect(exported.verification.ok).toBe(true);
    expect(exported.heads[0]).toMatchObject({ chain: 'room', count: SEATING.length + 25 });
    expect(roomEntries(exported).map((e) => e.seq)).toEqual(
      Array.from({ length: SEATING.length + 25 }, (_, i) => i + 1),
    );
  });
});

describe('the verify command on a SQLite database', () => {
  it('exits 1 for dropped newest entries, a deleted log and an edited, rehashed entry; 0 for an untouched log', async () => {
    const dataDir = dataDirForTest();
    const server = await started({ dataDir });
    const [dropped, deleted, edited, untouched] = [
      await mediatedRoom(server),
      await mediatedRoom(server),
      await mediatedRoom(server),
      await mediatedRoom(server),
    ];
    const db = join(dataDir, 'parley.db');
    const env = { DATA_DIR: dataDir };

    const before = await verifyCommand([], env);
    expect(before.code, before.stderr).toBe(0);
    for (const room of [dropped, deleted, edited, untouched]) {
      expect(before.stdout).toContain(`room ${room.roomId}: ${TOTAL} entries, chain intact`);
    }
    const headBefore = await server.server.audit.head(dropped.roomId);
    expect(before.stdout).toContain(`  head room: ${TOTAL} ${headBefore.hash}`);

    // Dropping the three newest entries; then also moving the head back to what is left.
    await sqlite(db, [
      [`DELETE FROM audit_entries WHERE room_id = ? AND seq > ${KEPT}`, [dropped.roomId]],
    ]);
    // Deleting the whole log of a room.
    await sqlite(db, [['DELETE FROM audit_entries WHERE room_id = ?', [deleted.roomId]]]);
    // Changing the vote and recomputing the chain from there, head included.
    const stored = (await server.server.audit.list(edited.roomId)).filter(
      (e) => e.chain === 'room',
    );
    const forged = structuredClone(stored);
    forged[VOTE - 1]!.details = { partyId: 'insurer', vote: 'yes' };
    const rehashed = rehashFrom(forged, VOTE);
    await sqlite(db, [
      ...rehashed
        .slice(VOTE - 1)
        .map((e): [string, unknown[]] => [
          'UPDATE audit_entries SET details = ?, prev_hash = ?, hash = ? WHERE room_id = ? AND chain = ? AND seq = ?',
          [JSON.stringify(e.details), e.prevHash, e.hash, e.roomId, e.chain, e.seq],
        ]),
      [
        "UPDATE audit_heads SET hash = ? WHERE room_id = ? AND chain = 'room'",
        [rehashed.at(-1)!.hash, edited.roomId],
      ],
    ]);

    const [truncated, empty, rewritten, intact, all] = await Promise.all([
      verifyCommand(['--room', dropped.roomId], env),
      verifyCommand(['--room', deleted.roomId], env),
      verifyCommand(['--room', edited.roomId, '--json'], env),
      verifyCommand(['--room', untouched.roomId], env),
      verifyCommand([], env),
    ]);
    expect(truncated.code, truncated.stderr).toBe(1);
    expect(truncated.stdout).toContain(
      `room ${dropped.roomId}: TAMPERED at entry ${KEPT + 1} of chain room: the head says ${TOTAL} entries but the chain ends at ${KEPT}`,
    );
    expect(empty.code, empty.stderr).toBe(1);
    expect(empty.stdout).toContain(
      `room ${deleted.roomId}: TAMPERED at entry 1 of chain room: the head says ${TOTAL} entries but there are none`,
    );
    expect(rewritten.code, rewritten.stderr).toBe(1);
    expect(JSON.parse(rewritten.stdout)).toMatchObject({
      ok: false,
      rooms: [
        {
          roomId: edited.roomId,
          verification: {
            ok: false,
            chain: 'room',
            firstBadSeq: VOTE,
            reason: expect.stringContaining('altered'),
          },
        },
      ],
    });
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain(`room ${untouched.roomId}: ${TOTAL} entries, chain intact`);
    expect(all.code, all.stderr).toBe(1);
    expect(all.stdout).toContain(`room ${untouched.roomId}: ${TOTAL} entries, chain intact`);

    // The server's own export says so too, and the server refuses to build on a broken chain.
    const after = await exportOf(server, edited.roomId, edited.tokens.organizer);
    expect(after.verification).toMatchObject({ ok: false, chain: 'room', firstBadSeq: VOTE });
    const afterFile = join(dataDir, 'after.json');
    writeFileSync(afterFile, JSON.stringify(after));
    const signedButBroken = await verifyCommand(
      ['--file', afterFile, '--public-key-url', `${server.url}/api/audit/public-key`],
      {},
    );
    expect(signedButBroken.code, signedButBroken.stderr).toBe(1);
    expect(signedButBroken.stdout).toContain(
      `TAMPERED at entry ${VOTE} of chain room: the server found the log tampered when it exported it`,
    );
    await expect(
      server.server.audit.append(dropped.roomId, { actorId: null, action: 'test.after' }),
    ).rejects.toThrow(/not the one its head names/);

    // Hiding the truncation by moving the head back, or by deleting the heads with the log.
    await sqlite(db, [
      [
        `UPDATE audit_heads SET count = ${KEPT}, hash = (SELECT hash FROM audit_entries WHERE room_id = ? AND chain = 'room' AND seq = ${KEPT}) WHERE room_id = ? AND chain = 'room'`,
        [dropped.roomId, dropped.roomId],
      ],
      ['DELETE FROM audit_heads WHERE room_id = ?', [deleted.roomId]],
    ]);
    const [movedHead, noHead, otherSecret] = await Promise.all([
      verifyCommand(['--room', dropped.roomId], env),
      verifyCommand(['--room', deleted.roomId], env),
      verifyCommand(['--room', untouched.roomId], { ...env, SECRET: 'another-secret-'.repeat(3) }),
    ]);
    expect(movedHead.code, movedHead.stderr).toBe(1);
    expect(movedHead.stdout).toContain(
      `room ${dropped.roomId}: TAMPERED in chain room: its head does not carry the seal of this server`,
    );
    expect(noHead.code, noHead.stderr).toBe(1);
    expect(noHead.stdout).toContain(
      `room ${deleted.roomId}: TAMPERED in chain room: the chain has no head and no entries`,
    );
    // Checking with the wrong SECRET is a usage error, not a verdict.
    expect(otherSecret.code, otherSecret.stderr).toBe(2);
    expect(otherSecret.stderr).toMatch(/sealed with key .* but this SECRET gives key/);
  });
});

describe('the verify command on an exported file', () => {
  it('exits 1 for dropped, deleted, edited and rehashed entries and for a foreign or missing signature; 0 for an untouched export', async () => {
    const dataDir = dataDirForTest();
    const server = await started();
    const room = await mediatedRoom(server);
    const intact = await exportOf(server, room.roomId, room.tokens.organizer);
    const keyUrl = `${server.url}/api/audit/public-key`;
    const keyFile = join(dataDir, 'key.json');
    writeFileSync(
      keyFile,
      JSON.stringify((await request(server.url, 'GET', '/api/audit/public-key')).body),
    );
    const save = (name: string, content: unknown) => {
      const file = join(dataDir, `${name}.json`);
      // As the browser saves it: indented, which the canonical form does not care about.
      writeFileSync(file, JSON.stringify(content, null, 2));
      return file;
    };

    const droppedNewest = structuredClone(intact);
    droppedNewest.entries = droppedNewest.entries.slice(0, -2);
    const droppedAndHeadMoved = structuredClone(droppedNewest);
    droppedAndHeadMoved.heads[0] = {
      ...droppedAndHeadMoved.heads[0]!,
      count: TOTAL - 2,
      hash: droppedAndHeadMoved.entries[TOTAL - 3]!.hash,
    };
    droppedAndHeadMoved.verification = {
      ok: true,
      count: TOTAL - 2,
      heads: [
        { chain: 'room', count: TOTAL - 2, hash: droppedAndHeadMoved.entries[TOTAL - 3]!.hash },
      ],
    };
    const allDeleted = { ...structuredClone(intact), entries: [] };
    const edited = structuredClone(intact);
    (edited.entries[VOTE - 1] as AuditEntry).details = { partyId: 'insurer', vote: 'yes' };
    const rehashed = structuredClone(intact);
    rehashed.entries = rehashFrom(edited.entries as AuditEntry[], VOTE);
    rehashed.heads[0] = { ...rehashed.heads[0]!, hash: rehashed.entries.at(-1)!.hash };
    const unsigned = { ...structuredClone(intact), signature: undefined };
    const otherServer = await started();
    const otherRoom = await roomWithEveryRole(otherServer.url, 'insurer');
    const foreign = await exportOf(otherServer, otherRoom.roomId, otherRoom.tokens.organizer);

    const check = (name: string, content: unknown, extra: string[] = []) =>
      verifyCommand(['--file', save(name, content), '--public-key-url', keyUrl, ...extra], {});
    const lastHash = intact.heads[0]!.hash;
    const [
      ok,
      okWithKeyFile,
      keptHead,
      dropped,
      headMoved,
      deleted,
      editOnly,
      rehash,
      noSignature,
      foreignKey,
      keptHeadGone,
    ] = await Promise.all([
      check('intact', intact),
      verifyCommand(['--file', save('intact-2', intact), '--key', keyFile], {}),
      check('kept', intact, ['--head', `${TOTAL}:${lastHash}`]),
      check('dropped', droppedNewest),
      check('head-moved', droppedAndHeadMoved),
      check('deleted', allDeleted),
      check('edited', edited),
      check('rehashed', rehashed),
      check('unsigned', unsigned),
      check('foreign', foreign),
      check('kept-gone', droppedAndHeadMoved, ['--head', `room:${TOTAL}:${lastHash}`]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(
      `room ${room.roomId}: ${TOTAL} entries, chain intact, signed with key`,
    );
    expect(okWithKeyFile.code, okWithKeyFile.stderr).toBe(0);
    expect(keptHead.code, keptHead.stderr).toBe(0);
    expect(dropped.code, dropped.stderr).toBe(1);
    expect(dropped.stdout).toContain(
      `TAMPERED at entry ${TOTAL - 1} of chain room: the head says ${TOTAL} entries but the chain ends at ${TOTAL - 2}`,
    );
    expect(headMoved.code, headMoved.stderr).toBe(1);
    expect(headMoved.stdout).toContain('its signature does not match its content');
    expect(deleted.code, deleted.stderr).toBe(1);
    expect(deleted.stdout).toContain('TAMPERED at entry 1 of chain room');
    expect(editOnly.code, editOnly.stderr).toBe(1);
    expect(editOnly.stdout).toContain('its signature does not match its content');
    expect(rehash.code, rehash.stderr).toBe(1);
    expect(rehash.stdout).toContain('its signature does not match its content');
    expect(noSignature.code, noSignature.stderr).toBe(1);
    expect(noSignature.stdout).toContain('it carries no signature');
    expect(foreignKey.code, foreignKey.stderr).toBe(1);
    expect(foreignKey.stdout).toMatch(/it is signed with key \S+, not with the trusted key/);
    expect(keptHeadGone.code, keptHeadGone.stderr).toBe(1);
  });

  it('answers bad input with exit status 2', async () => {
    const dataDir = dataDirForTest();
    const notJson = join(dataDir, 'bad.json');
    writeFileSync(notJson, 'not json');
    const wrongFormat = join(dataDir, 'wrong.json');
    writeFileSync(wrongFormat, JSON.stringify({ format: 'parley.termsheet/v1' }));
    const unsignedExport = join(dataDir, 'export.json');
    writeFileSync(
      unsignedExport,
      JSON.stringify({ format: 'parley.audit/v2', roomId: 'r1', entries: [] }),
    );
    const results = await Promise.all([
      ...[
        ['--file', notJson],
        ['--file', wrongFormat],
        ['--bogus'],
        ['--room'],
        ['--head', '12:nothex'],
        ['--key', notJson],
        ['--file', unsignedExport, '--key', notJson],
      ].map((args) => verifyCommand(args, { DATA_DIR: dataDir })),
      // No key for the signature, and no SECRET to derive it from.
      verifyCommand(['--file', unsignedExport], {}),
      // No database in DATA_DIR: nothing is created, and the command says so.
      verifyCommand([], { DATA_DIR: join(dataDir, 'nowhere'), SECRET: 'x'.repeat(40) }),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(2);
    expect(results.at(-2)!.stderr).toContain('--public-key-url');
    expect(results.at(-1)!.stderr).toContain('no Parley database');
    const server = await started({ dataDir });
    await server.close();
    const [unknown, none] = await Promise.all([
      verifyCommand(['--room', 'no-such-room'], { DATA_DIR: dataDir }),
      // A new database is sealed at the server's first start: nothing to report, nothing wrong.
      verifyCommand([], { DATA_DIR: dataDir }),
    ]);
    expect(unknown.code, unknown.stderr).toBe(2);
    expect(none).toMatchObject({ code: 0, stdout: 'no rooms found\n' });
  });
});

describe('the audit log on PostgreSQL', () => {
  const adminUrl =
    process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

  async function query(url: string, statement: string, values: unknown[] = []): Promise<void> {
    const connection = new pg.Client({ connectionString: url });
    await connection.connect();
    try {
      await connection.query(statement, values);
    } finally {
      await connection.end();
    }
  }

  it('exits 1 for dropped newest entries, a deleted log and an edited, rehashed entry; 0 for an untouched log', async () => {
    const name = `parley_audit_${randomBytes(6).toString('hex')}`;
    await query(adminUrl, `CREATE DATABASE ${name}`);
    cleanups.push(() => query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const dataDir = dataDirForTest();
    const server = await started({ dataDir, env: { DATABASE_URL: databaseUrl } });
    const [dropped, deleted, edited, untouched] = [
      await mediatedRoom(server),
      await mediatedRoom(server),
      await mediatedRoom(server),
      await mediatedRoom(server),
    ];
    // The SECRET is the one the server generated into its DATA_DIR.
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
    const [before, withoutSecret] = await Promise.all([
      verifyCommand([], env),
      verifyCommand([], { DATABASE_URL: databaseUrl, DATA_DIR: join(dataDir, 'elsewhere') }),
    ]);
    expect(before.code, before.stderr).toBe(0);
    expect(withoutSecret.code, withoutSecret.stderr).toBe(2);
    expect(withoutSecret.stderr).toContain("keyed with the server's SECRET");

    await query(databaseUrl, `DELETE FROM audit_entries WHERE room_id = $1 AND seq > ${KEPT}`, [
      dropped.roomId,
    ]);
    await query(databaseUrl, 'DELETE FROM audit_entries WHERE room_id = $1', [deleted.roomId]);
    const stored = (await server.server.audit.list(edited.roomId)).filter(
      (e) => e.chain === 'room',
    );
    const forged = structuredClone(stored);
    forged[5]!.actorId = 'm-someone-else';
    const rehashed = rehashFrom(forged, 6);
    for (const e of rehashed.slice(5)) {
      await query(
        databaseUrl,
        'UPDATE audit_entries SET actor_id = $1, prev_hash = $2, hash = $3 WHERE room_id = $4 AND chain = $5 AND seq = $6',
        [e.actorId, e.prevHash, e.hash, e.roomId, e.chain, e.seq],
      );
    }
    await query(
      databaseUrl,
      "UPDATE audit_heads SET hash = $1 WHERE room_id = $2 AND chain = 'room'",
      [rehashed.at(-1)!.hash, edited.roomId],
    );

    const [truncated, empty, rewritten, intact] = await Promise.all([
      verifyCommand(['--room', dropped.roomId], env),
      verifyCommand(['--room', deleted.roomId], env),
      verifyCommand(['--room', edited.roomId], env),
      verifyCommand(['--room', untouched.roomId], env),
    ]);
    expect(truncated.code, truncated.stderr).toBe(1);
    expect(truncated.stdout).toContain(`TAMPERED at entry ${KEPT + 1} of chain room`);
    expect(empty.code, empty.stderr).toBe(1);
    expect(empty.stdout).toContain('TAMPERED at entry 1 of chain room');
    expect(rewritten.code, rewritten.stderr).toBe(1);
    expect(rewritten.stdout).toContain('TAMPERED at entry 6 of chain room');
    expect(intact.code, intact.stderr).toBe(0);
    await vi.waitFor(async () => {
      const after = await exportOf(server, edited.roomId, edited.tokens.mediator);
      expect(after.verification).toMatchObject({ ok: false, firstBadSeq: 6 });
    });
  });
});
