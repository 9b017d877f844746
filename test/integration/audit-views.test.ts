import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditExport } from '@parley/shared/mediation';
import { repoRoot, request, startServer, tempDataDir } from './helpers';
import type { ParleyClientSocket, StartedServer } from './helpers';
import { connectAll, mediationRoom, ok } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

// Who reads what in the audit log: a party's confidential activity goes to its own chain, which
// only that party and the mediator see; the other party's organizer finds no trace of it, not
// even a gap, and its view still verifies on its own.

const run = promisify(execFile);
let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
let dataDir: string;

beforeAll(async () => {
  server = await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
  dataDir = tempDataDir();
});

afterAll(async () => {
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function exportAs(person: 'organizer' | 'mediator'): Promise<AuditExport> {
  const response = await request<AuditExport>(
    server.url,
    'GET',
    `/api/rooms/${room.roomId}/audit`,
    { token: room.tokens[person] },
  );
  expect(response.status).toBe(200);
  return response.body;
}

const actions = (exported: AuditExport, chain: string) =>
  exported.entries
    .filter((e): e is AuditEntry => e.chain === chain && 'action' in e)
    .map((e) => e.action);

describe('the audit log each reader sees', () => {
  it('shows the organizer no trace of another party’s positions, and its own party’s', async () => {
    const before = await exportAs('organizer');
    const cspShare = { clauseId: 'c-share', param: 'fixed.csp' };

    // The other party (csp) records, shares and deletes positions.
    await ok(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'min', value: 30 });
    await ok(sockets.negCsp, 'positions:share', { ...cspShare, bound: 'min', shared: true });
    await ok(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'max', value: 45 });
    await ok(sockets.negCsp, 'positions:delete', { ...cspShare, bound: 'max' });

    const after = await exportAs('organizer');
    expect(after.reader).toEqual({ role: 'organizer', partyId: 'partner' });
    // Nothing changed in what the organizer sees: not an entry, not a count, not a hash.
    expect(after.heads).toEqual(before.heads);
    expect(after.entries).toEqual(before.entries);
    expect(after.heads.map((h) => h.chain)).toEqual(['room', 'party:partner']);
    const text = JSON.stringify(after);
    expect(text).not.toContain('position');
    expect(text).not.toContain('party:csp');
    expect(text).not.toContain('redacted');

    // The mediator sees the csp chain and what happened in it.
    const mediator = await exportAs('mediator');
    expect(mediator.heads.map((h) => h.chain)).toEqual(['room', 'party:csp', 'party:partner']);
    expect(actions(mediator, 'party:csp')).toEqual([
      'position.set',
      'position.shared',
      'position.set',
      'position.deleted',
    ]);
    expect(mediator.heads.find((h) => h.chain === 'room')).toEqual(after.heads[0]);
    expect(await server.server.audit.partyHead(room.roomId, 'csp')).toEqual({
      chain: 'party:csp',
      count: 4,
      hash: mediator.heads.find((h) => h.chain === 'party:csp')!.hash,
    });

    // The organizer's own party's positions are in its view, in its party's chain.
    await ok(sockets.negPartner, 'positions:set', { ...cspShare, bound: 'max', value: 35 });
    const own = await exportAs('organizer');
    expect(actions(own, 'party:partner')).toEqual(['position.set']);
    expect(own.heads).toEqual([before.heads[0], expect.objectContaining({ count: 1 })]);
    expect(own.verification).toMatchObject({ ok: true });

    // The organizer's view is a complete, signed record of what it covers.
    const file = join(dataDir, 'organizer-view.json');
    writeFileSync(file, JSON.stringify(own));
    const keyFile = join(dataDir, 'key.json');
    writeFileSync(
      keyFile,
      JSON.stringify((await request(server.url, 'GET', '/api/audit/public-key')).body),
    );
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/auditVerify.ts', '--file', file, '--key', keyFile],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '' } },
    );
    expect(stdout).toContain(`room ${room.roomId}: ${own.entries.length} entries, chain intact`);
    expect(stdout).toContain('head party:partner: 1 ');
  });
});
