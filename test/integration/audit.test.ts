import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_GENESIS_HASH } from '@parley/shared/mediation';
import type { AuditExport, Dispute, Draft } from '@parley/shared/mediation';
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

// The audit log as an auditor meets it: the REST export, and the verify command run on the
// database and on an exported file, before and after someone edits a stored row.

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

/**
 * Runs one statement on a SQLite file directly, as someone with access to the database could.
 * The driver is the server's, so it runs from the server package.
 */
async function sqlite(file: string, statement: string, values: unknown[]): Promise<void> {
  const script =
    'const [file, sql, values] = process.argv.slice(1);' +
    "const db = new (require('better-sqlite3'))(file);" +
    'db.prepare(sql).run(...JSON.parse(values)); db.close();';
  await run(process.execPath, ['-e', script, file, statement, JSON.stringify(values)], {
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

/** How a room with every role comes about: each party seated, each appointment consented to. */
const seatingActions = [
  // An organizer for each of the three other parties, invited by the creator, joins.
  ...Array.from({ length: 3 }, () => ['invite.created', 'invite.joined']).flat(),
  // The insurer's negotiator and viewer.
  ...Array.from({ length: 2 }, () => ['invite.created', 'invite.joined']).flat(),
  // The mediator and the observer: proposed (the proposer's party consents), joined, and
  // accepted by the three other parties.
  ...Array.from({ length: 2 }, () => [
    'invite.created',
    'consent.given',
    'invite.joined',
    'consent.given',
    'consent.given',
    'consent.given',
  ]).flat(),
];
/** Entries of the seating; the governance run's entries follow. */
const SEATING = seatingActions.length;

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
  const late = await invite(server.url, room.roomId, room.organizers.csp!, {
    name: 'Late viewer',
    role: 'viewer',
    party: 'csp',
  });
  await request(server.url, 'DELETE', `/api/rooms/${room.roomId}/invites/${late.id}`, {
    token: room.organizers.csp!,
  });
  return room;
}

async function exportOf(server: StartedServer, roomId: string, token: string) {
  const response = await request<AuditExport>(server.url, 'GET', `/api/rooms/${roomId}/audit`, {
    token,
  });
  expect(response.status).toBe(200);
  return response.body;
}

describe('the audit log', () => {
  it('records every governance action and invite in one intact hash chain', async () => {
    const server = await started();
    const room = await mediatedRoom(server);
    const exported = await exportOf(server, room.roomId, room.tokens.mediator);
    expect(exported.format).toBe('parley.audit/v1');
    expect(exported.entries.map((e) => e.action)).toEqual([
      ...seatingActions,
      'clause.locked',
      'agenda.set',
      'mode.changed',
      'draft.published',
      'draft.voted',
      'dispute.opened',
      'dispute.resolved',
      'clause.unlocked',
      'invite.created',
      'invite.joined',
      'invite.revoked',
    ]);
    expect(exported.verification).toEqual({
      ok: true,
      count: SEATING + 11,
      lastHash: exported.entries.at(-1)!.hash,
    });
    exported.entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? AUDIT_GENESIS_HASH : exported.entries[i - 1]!.hash);
    });
    const vote = exported.entries.find((e) => e.action === 'draft.voted')!;
    expect(vote).toMatchObject({
      actorId: room.memberIds.negotiator,
      target: '1',
      details: { partyId: 'insurer', vote: 'no' },
    });
    // Invite entries never carry the token, nor the name of a party's member: every party's
    // organizers read this log.
    expect(JSON.stringify(exported)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(JSON.stringify(exported)).not.toContain('Late viewer');
  });

  it('keeps one chain when many appends race', async () => {
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
    expect(exported.entries.map((e) => e.seq)).toEqual(
      Array.from({ length: exported.entries.length }, (_, i) => i + 1),
    );
  });

  it('on SQLite, a row changed in the database is reported by the export and the command', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await started({ dataDir });
    const room = await mediatedRoom(server);
    const intact = await exportOf(server, room.roomId, room.tokens.organizer);
    const exportFile = join(dataDir, 'export.json');
    writeFileSync(exportFile, JSON.stringify(intact));

    const before = await verifyCommand([], { DATA_DIR: dataDir });
    expect(before.code).toBe(0);
    const total = SEATING + 11;
    const vote = SEATING + 5;
    expect(before.stdout).toContain(`room ${room.roomId}: ${total} entries, chain intact`);
    expect((await verifyCommand(['--file', exportFile], {})).code).toBe(0);

    // Someone with database access rewrites the vote.
    expect(intact.entries[vote - 1]!.action).toBe('draft.voted');
    await sqlite(
      join(dataDir, 'parley.db'),
      'UPDATE audit_log SET details = ? WHERE room_id = ? AND seq = ?',
      [JSON.stringify({ partyId: 'insurer', vote: 'yes' }), room.roomId, vote],
    );

    const after = await exportOf(server, room.roomId, room.tokens.organizer);
    expect(after.verification).toMatchObject({ ok: false, firstBadSeq: vote });
    const command = await verifyCommand(['--room', room.roomId], { DATA_DIR: dataDir });
    expect(command.code).toBe(1);
    expect(command.stdout).toMatch(
      new RegExp(`room ${room.roomId}: TAMPERED at entry ${vote} of ${total}`),
    );

    // The same edit in an exported file, and a forged hash that hides it breaks the next link.
    const tampered = structuredClone(intact);
    tampered.entries[vote - 1]!.details = { partyId: 'insurer', vote: 'yes' };
    writeFileSync(exportFile, JSON.stringify(tampered));
    const fromFile = await verifyCommand(['--file', exportFile, '--json'], {});
    expect(fromFile.code).toBe(1);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({
      ok: false,
      rooms: [{ roomId: room.roomId, verification: { ok: false, firstBadSeq: vote } }],
    });
    const { createHash } = await import('node:crypto');
    const { canonicalAuditEntry } = await import('@parley/shared/mediation');
    const { hash: _old, ...rest } = tampered.entries[vote - 1]!;
    tampered.entries[vote - 1]!.hash = createHash('sha256')
      .update(canonicalAuditEntry(rest))
      .digest('hex');
    writeFileSync(exportFile, JSON.stringify(tampered));
    const forged = await verifyCommand(['--file', exportFile], {});
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain(`TAMPERED at entry ${vote + 1}`);

    // A deleted row is a gap in the chain.
    await sqlite(
      join(dataDir, 'parley.db'),
      'DELETE FROM audit_log WHERE room_id = ? AND seq = ?',
      [room.roomId, SEATING],
    );
    const gap = await verifyCommand(['--room', room.roomId], { DATA_DIR: dataDir });
    expect(gap.stdout).toContain(`TAMPERED at entry ${SEATING + 1}`);
  });

  it('answers bad input with exit status 2', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const notJson = join(dataDir, 'bad.json');
    writeFileSync(notJson, 'not json');
    const wrongFormat = join(dataDir, 'wrong.json');
    writeFileSync(wrongFormat, JSON.stringify({ format: 'parley.termsheet/v1' }));
    for (const args of [['--file', notJson], ['--file', wrongFormat], ['--bogus'], ['--room']]) {
      expect((await verifyCommand(args, { DATA_DIR: dataDir })).code).toBe(2);
    }
    // No database in DATA_DIR: nothing is created, and the command says so.
    const empty = await verifyCommand([], { DATA_DIR: join(dataDir, 'nowhere') });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no Parley database');
    const server = await started({ dataDir });
    await server.close();
    const unknown = await verifyCommand(['--room', 'no-such-room'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
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

  it('reports a row changed in the database', async () => {
    const name = `parley_audit_${randomBytes(6).toString('hex')}`;
    await query(adminUrl, `CREATE DATABASE ${name}`);
    cleanups.push(() => query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const server = await started({ env: { DATABASE_URL: databaseUrl } });
    const room = await mediatedRoom(server);
    expect((await verifyCommand([], { DATABASE_URL: databaseUrl })).code).toBe(0);

    const changed = SEATING + 2;
    await query(databaseUrl, `UPDATE audit_log SET actor_id = $1 WHERE room_id = $2 AND seq = $3`, [
      'm-someone-else',
      room.roomId,
      changed,
    ]);
    const command = await verifyCommand(['--room', room.roomId], { DATABASE_URL: databaseUrl });
    expect(command.code).toBe(1);
    expect(command.stdout).toContain(`TAMPERED at entry ${changed} of ${SEATING + 11}`);
    await vi.waitFor(async () => {
      const after = await exportOf(server, room.roomId, room.tokens.mediator);
      expect(after.verification).toMatchObject({ ok: false, firstBadSeq: changed });
    });
  });
});
