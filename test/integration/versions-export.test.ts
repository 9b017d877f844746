// Versions, compare and export against a real server: versions kept on demand, at a published
// draft, at agreement and at reopening; a compare of two known versions with its text, parameter
// and value differences; restore as proposals; and the exported files opened with independent
// readers (unzip for Word, pdftotext for PDF).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setClauseText, setParam } from '@parley/shared/room';
import type { SheetComparison, VersionSummary } from '@parley/shared/versions';
import { connectCollab, request, startServer } from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { connectAll, mediationRoom, ok } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

const until = <T>(check: () => T | Promise<T>) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
let editor: CollabClient;
const files = mkdtempSync(join(tmpdir(), 'parley-export-'));

beforeAll(async () => {
  server = await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
  editor = connectCollab(server.collabUrl, room.roomId, room.tokens.negCsp);
  await editor.synced;
});

afterAll(async () => {
  editor?.destroy();
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
  rmSync(files, { recursive: true, force: true });
});

function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  person: Person | null,
  body?: unknown,
) {
  return request<T & { error?: { code: string; message: string } }>(
    server.url,
    method,
    `/api/rooms/${room.roomId}${path}`,
    {
      ...(person === null ? {} : { token: room.tokens[person] }),
      ...(body === undefined ? {} : { body }),
    },
  );
}

async function save(person: Person, name: string): Promise<VersionSummary> {
  const answer = await api<{ version: VersionSummary }>('POST', '/versions', person, { name });
  expect(answer.status).toBe(201);
  return answer.body.version;
}

async function versions(): Promise<VersionSummary[]> {
  return (await api<{ versions: VersionSummary[] }>('GET', '/versions', 'observer')).body.versions;
}

/** Downloads an export as bytes. */
async function download(
  person: Person,
  query: string,
): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const response = await fetch(`${server.url}/api/rooms/${room.roomId}/export?${query}`, {
    headers: { authorization: `Bearer ${room.tokens[person]}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function docxXml(bytes: Buffer): string {
  const path = join(files, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(path, bytes);
  return execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
}

function pdfText(bytes: Buffer): string {
  const path = join(files, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

const titles = ['Scope', 'Revenue', 'Sharing'];
let first: VersionSummary;
let second: VersionSummary;

describe('versions', () => {
  it('are saved by those who edit, with a name, and refused to read-only roles', async () => {
    first = await save('negCsp', 'Sent to partner 12 Nov');
    expect(first).toMatchObject({
      number: 1,
      name: 'Sent to partner 12 Nov',
      kind: 'saved',
      createdBy: { memberId: room.ids.negCsp, role: 'negotiator', partyId: 'csp' },
    });
    for (const person of ['viewerCsp', 'observer'] as const) {
      const refused = await api('POST', '/versions', person, { name: 'Mine' });
      expect(refused.status).toBe(403);
    }
    expect((await api('POST', '/versions', 'negCsp', { name: '  ' })).status).toBe(400);
    expect((await api('POST', '/versions', null, { name: 'x' })).status).toBe(401);
    expect(await versions()).toHaveLength(1);
  });

  it('compare: the text redline, the parameter old → new and every party’s figures', async () => {
    editor.doc.transact(() => {
      setParam(editor.doc, 'c-rev', ['streams', 0, 'unitPrice'], 1200);
      setClauseText(editor.doc, 'c-scope', 'Remote monitoring in the South region.');
    });
    await until(async () => {
      const value = await api<{ scenarios: { totals: Record<string, { allocation: number }> }[] }>(
        'GET',
        '/value',
        'observer',
      );
      expect(value.body.scenarios[0]!.totals.csp!.allocation).toBe(192_000);
    });
    second = await save('organizer', 'After the price talk');
    const answer = await api<{
      from: VersionSummary;
      to: VersionSummary;
      comparison: SheetComparison;
    }>('GET', `/compare?from=${first.id}&to=${second.id}`, 'viewerPartner');
    expect(answer.status).toBe(200);
    const { comparison } = answer.body;
    expect(answer.body.from.id).toBe(first.id);
    const scope = comparison.clauses.find((c) => c.clauseId === 'c-scope')!;
    expect(scope.status).toBe('changed');
    expect(scope.text).toEqual([
      { op: 'same', text: 'Remote monitoring in the ' },
      { op: 'removed', text: 'North' },
      { op: 'added', text: 'South' },
      { op: 'same', text: ' region.' },
    ]);
    const revenue = comparison.clauses.find((c) => c.clauseId === 'c-rev')!;
    expect(revenue.params).toEqual([
      {
        path: 'streams.0.unitPrice',
        name: 'Revenue · Subscriptions · unitPrice',
        before: 'EUR 10.00',
        after: 'EUR 12.00',
      },
    ]);
    expect(revenue.text.filter((s) => s.op !== 'same')).toEqual([
      { op: 'removed', text: '10.00' },
      { op: 'added', text: '12.00' },
    ]);
    expect(comparison.clauses.find((c) => c.clauseId === 'c-share')!.status).toBe('unchanged');
    // 100 members × €10 → €12 a year for 4 years, split 40/60, no costs, no discounting.
    const base = comparison.value.scenarios.find((s) => s.scenarioId === 'base')!;
    expect(base.parties).toEqual([
      {
        partyId: 'csp',
        name: 'Northwind Telecom',
        before: { allocation: 160_000, net: 160_000, npv: 160_000 },
        after: { allocation: 192_000, net: 192_000, npv: 192_000 },
        delta: { allocation: 32_000, net: 32_000, npv: 32_000 },
      },
      {
        partyId: 'partner',
        name: 'Contoso Health',
        before: { allocation: 240_000, net: 240_000, npv: 240_000 },
        after: { allocation: 288_000, net: 288_000, npv: 288_000 },
        delta: { allocation: 48_000, net: 48_000, npv: 48_000 },
      },
    ]);
    const withNow = await api<{ to: null; comparison: SheetComparison }>(
      'GET',
      `/compare?from=${second.id}&to=now`,
      'observer',
    );
    expect(withNow.body.to).toBeNull();
    expect(withNow.body.comparison.changed).toBe(false);
    expect((await api('GET', '/compare?from=v-nope', 'observer')).status).toBe(404);
    expect((await api('GET', '/compare', 'observer')).status).toBe(400);
  });

  it('open whole and read-only, and restore as proposals, never by overwriting', async () => {
    const opened = await api<{
      version: { termsheet: { clauses: { id: string; text: string }[] } };
    }>('GET', `/versions/${first.id}`, 'observer');
    expect(opened.body.version.termsheet.clauses.find((c) => c.id === 'c-scope')!.text).toBe(
      'Remote monitoring in the North region.',
    );
    expect((await api('POST', `/versions/${first.id}/restore`, 'viewerCsp')).status).toBe(403);
    const restored = await api<{
      proposals: {
        clauseId: string;
        params: { path: string }[];
        text: string | null;
        status: string;
      }[];
    }>('POST', `/versions/${first.id}/restore`, 'negPartner');
    expect(restored.status).toBe(201);
    const byClause = new Map(restored.body.proposals.map((p) => [p.clauseId, p]));
    expect([...byClause.keys()].sort()).toEqual(['c-rev', 'c-scope']);
    expect(byClause.get('c-scope')!.text).toBe('Remote monitoring in the North region.');
    expect(byClause.get('c-rev')!.params.map((p) => p.path)).toEqual(['streams']);
    // Nothing changed in the document: the other party decides.
    const withNow = await api<{ comparison: SheetComparison }>(
      'GET',
      `/compare?from=${second.id}&to=now`,
      'observer',
    );
    expect(withNow.body.comparison.changed).toBe(false);
    for (const p of restored.body.proposals) expect(p.status).toBe('open');
  });
});

describe('export', () => {
  it('gives Markdown, Word and PDF to every reader, marked as a draft', async () => {
    for (const person of ['organizer', 'viewerCsp', 'observer', 'mediator'] as const) {
      const md = await download(person, 'format=md');
      expect(md.status, person).toBe(200);
      const text = md.bytes.toString('utf8');
      expect(text).toContain('# Mediation');
      expect(text).toContain('DRAFT: not agreed');
      for (const title of titles) expect(text).toMatch(new RegExp(`## \\d\\. ${title}`));
    }
    const docx = await download('viewerPartner', 'format=docx');
    expect(docx.type).toContain('wordprocessingml');
    expect(docx.disposition).toMatch(/attachment; filename="mediation-draft\.docx"/);
    const xml = docxXml(docx.bytes);
    for (const title of titles) expect(xml).toContain(title);
    expect(xml).toContain('Remote monitoring in the South region.');
    expect(xml).not.toContain('<w:ins ');
    expect(xml).not.toContain('<w:del ');

    const pdf = await download('observer', 'format=pdf');
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    for (const title of titles) expect(text).toMatch(new RegExp(`\\d\\. ${title}`));
    expect(text).toContain('DRAFT');
    // The totals of the base scenario: 100 members × €12 × 4 years, and each party's share.
    expect(text).toMatch(/Total\s+EUR 4,800\.00\s+EUR 0\.00\s+EUR 4,800\.00\s+EUR 4,800\.00/);
    expect(text).toMatch(/Northwind Telecom\s+EUR 1,920\.00/);
  });

  it('redlines against a version with tracked changes', async () => {
    const docx = await download('negCsp', `format=docx&against=${first.id}`);
    expect(docx.status).toBe(200);
    expect(docx.disposition).toContain('-redline-v1');
    const xml = docxXml(docx.bytes);
    for (const title of titles) expect(xml).toContain(title);
    expect(xml).toMatch(
      /<w:del [^>]*w:author="Parley"[^>]*>.*?<w:delText[^>]*>North<\/w:delText>/s,
    );
    expect(xml).toMatch(/<w:ins [^>]*w:author="Parley"[^>]*>.*?<w:t[^>]*>South<\/w:t>/s);
    expect(xml).toContain('Revenue · Subscriptions · unitPrice: EUR 10.00 -&gt; EUR 12.00');

    const pdf = pdfText((await download('negCsp', `format=pdf&against=${first.id}`)).bytes);
    expect(pdf).toContain('Changes since version 1');
    expect(pdf).toMatch(/Net change/);
    expect(pdf).toMatch(/\+EUR 320\.00/);

    const md = (await download('negCsp', `format=md&against=${first.id}`)).bytes.toString('utf8');
    expect(md).toContain('<del>North</del><ins>South</ins>');
  });

  it('refuses bad requests with a clear error', async () => {
    expect((await download('negCsp', 'format=odt')).status).toBe(400);
    expect((await download('negCsp', 'format=pdf&against=v-nope')).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/rooms/${room.roomId}/export?format=md`);
    expect(anonymous.status).toBe(401);
  });
});

describe('milestones', () => {
  it('keep a version at a published draft, at agreement and at reopening, and the agreed export carries the signatures', async () => {
    await ok(sockets.mediator, 'mediation:mode', { mode: 'single-text' });
    await ok(sockets.mediator, 'drafts:publish', { note: 'first cut' });
    await until(async () => expect((await versions()).map((v) => v.kind)).toContain('draft'));
    const draft = (await versions()).find((v) => v.kind === 'draft')!;
    expect(draft).toMatchObject({
      name: 'Draft 1: first cut',
      createdBy: { memberId: room.ids.mediator },
    });
    await ok(sockets.mediator, 'mediation:mode', { mode: 'normal' });
    // The open proposals of the restore would void nothing; every party signs every clause.
    for (const clauseId of ['c-scope', 'c-rev', 'c-share']) {
      await ok(sockets.negCsp, 'signoffs:sign', { clauseId });
      await ok(sockets.organizer, 'signoffs:sign', { clauseId });
    }
    await until(async () => expect((await versions()).map((v) => v.kind)).toContain('agreement'));
    const agreed = (await versions()).find((v) => v.kind === 'agreement')!;
    expect(agreed).toMatchObject({ name: 'Agreed by every party', createdBy: null });

    const md = (await download('viewerCsp', 'format=md')).bytes.toString('utf8');
    expect(md).toContain('AGREED by every party');
    expect(md).toContain('## Signatures');
    expect(md).toMatch(/Audit log head: entry \d+, hash `[0-9a-f]+`/);
    const pdf = pdfText((await download('viewerCsp', 'format=pdf')).bytes);
    expect(pdf).not.toContain('DRAFT');
    expect(pdf).toContain('Signatures');

    await ok(sockets.organizer, 'agreement:reopen', {});
    await until(async () => expect((await versions()).map((v) => v.kind)).toContain('reopen'));
    expect((await versions()).map((v) => v.number)).toEqual([1, 2, 3, 4, 5]);
  });
});
