// Sign-offs: bound to the clause and value hashes, voided by any change that affects them with only
// that party told, the agreed export, withdrawal, REST, and each role's rights.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { clauseContentHash } from '@parley/shared/mediation';
import { setClauseText, setParam } from '@parley/shared/room';
import type { SignOff, SignOffState, SignOffVoidedEvent } from '@parley/shared/mediation';
import type { GovernanceSnapshot } from '@parley/shared/protocol';
import { connectCollab, request, startServer } from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, ok, partyOf, people } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
let editor: CollabClient;
const voided = {} as Record<Person, SignOffVoidedEvent[]>;
const refusals: string[] = [];

const clauses = ['c-scope', 'c-rev', 'c-share'];

beforeAll(async () => {
  server = await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
  for (const person of people) {
    voided[person] = [];
    sockets[person].on('signoffs:voided', (event) => voided[person].push(event));
  }
  editor = connectCollab(server.collabUrl, room.roomId, room.tokens.negPartner);
  await editor.synced;
  // The first refused write's reason, as the stock provider reports it.
  vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
    refusals.push(String(message));
  });
});

afterAll(async () => {
  editor?.destroy();
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
});

async function state(): Promise<SignOffState> {
  return ok<SignOffState>(sockets.observer, 'signoffs:list');
}

async function signedBy(person: Person, clauseId: string): Promise<SignOff> {
  return ok<SignOff>(sockets[person], 'signoffs:sign', { clauseId });
}

function latest(s: SignOffState, clauseId: string, partyId: string): SignOff | undefined {
  return s.signOffs.filter((o) => o.clauseId === clauseId && o.partyId === partyId).at(-1);
}

function edit(change: (doc: Y.Doc) => void): void {
  change(editor.doc);
}

describe('sign-off', () => {
  it('binds a sign-off to the clause content hash and the value hash', async () => {
    const signOff = await signedBy('negCsp', 'c-scope');
    expect(signOff).toMatchObject({
      clauseId: 'c-scope',
      partyId: 'csp',
      memberId: room.ids.negCsp,
      memberName: 'Member negCsp',
      voidedAt: null,
    });
    expect(signOff.contentHash).toBe(
      clauseContentHash({
        kind: 'scope',
        title: 'Scope',
        text: 'Remote monitoring in the North region.',
        params: {},
      }),
    );
    expect(signOff.valueHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Signing again without a change keeps the one signature.
    expect((await signedBy('negCsp', 'c-scope')).id).toBe(signOff.id);
  });

  it('voids sign-offs on a text change and tells that party only', async () => {
    await signedBy('organizer', 'c-scope');
    const before = voided.viewerCsp.length;
    edit((doc) => setClauseText(doc, 'c-scope', 'Remote monitoring in the South region.'));
    await vi.waitFor(async () => {
      const s = await state();
      expect(latest(s, 'c-scope', 'csp')).toMatchObject({ voidReason: 'clause-changed' });
      expect(latest(s, 'c-scope', 'partner')).toMatchObject({ voidReason: 'clause-changed' });
    });
    await vi.waitFor(() => expect(voided.viewerCsp.length).toBeGreaterThan(before));
    expect(voided.viewerCsp.every((e) => e.signOff.partyId === 'csp')).toBe(true);
    expect(voided.negPartner.every((e) => e.signOff.partyId === 'partner')).toBe(true);
    expect(voided.negPartner.some((e) => e.signOff.clauseId === 'c-scope')).toBe(true);
    expect(voided.mediator).toEqual([]);
    expect(voided.observer).toEqual([]);
  });

  it('voids a sign-off on a parameter change in its clause', async () => {
    await signedBy('negCsp', 'c-share');
    edit((doc) => setParam(doc, 'c-share', ['costRecovery'], true));
    await vi.waitFor(async () =>
      expect(latest(await state(), 'c-share', 'csp')).toMatchObject({
        voidReason: 'clause-changed',
      }),
    );
    edit((doc) => setParam(doc, 'c-share', ['costRecovery'], false));
  });

  it('voids a sign-off when a parameter in another clause changes the value result', async () => {
    const scope = await signedBy('negCsp', 'c-scope');
    // Text elsewhere does not change the value: the sign-off stays.
    const share = await signedBy('negCsp', 'c-share');
    edit((doc) => setClauseText(doc, 'c-rev', 'Members pay a yearly fee.'));
    await vi.waitFor(async () => expect(latest(await state(), 'c-rev', 'csp')).toBeUndefined());
    expect(latest(await state(), 'c-share', 'csp')).toMatchObject({ id: share.id, voidedAt: null });
    edit((doc) => setParam(doc, 'c-rev', ['streams', 0, 'unitPrice'], 1100));
    await vi.waitFor(async () => {
      const s = await state();
      expect(latest(s, 'c-scope', 'csp')).toMatchObject({
        id: scope.id,
        voidReason: 'value-changed',
      });
      expect(latest(s, 'c-share', 'csp')).toMatchObject({
        id: share.id,
        voidReason: 'value-changed',
      });
    });
    await vi.waitFor(() =>
      expect(
        voided.negCsp.some((e) => e.signOff.id === scope.id && e.reason === 'value-changed'),
      ).toBe(true),
    );
  });

  it('exports the agreed term sheet with its signatures, and 409 with what is missing before', async () => {
    const early = await request<{ error: { code: string; missing: unknown[] } }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/agreement`,
      { token: room.tokens.observer },
    );
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not-agreed');
    expect(early.body.error.missing).toContainEqual({ clauseId: 'c-rev', partyId: 'partner' });

    for (const clauseId of clauses) {
      await signedBy('negCsp', clauseId);
      await signedBy('organizer', clauseId);
    }
    const s = await state();
    expect(s.agreement).toEqual({ agreed: true, missing: [], sheetErrors: 0 });
    const agreed = await request<{
      agreed: boolean;
      termsheet: { clauses: { id: string; text: string }[] };
      valueHash: string;
      signatures: {
        clauseId: string;
        partyId: string;
        partyName: string;
        memberName: string;
        contentHash: string;
        valueHash: string;
        signedAt: number;
      }[];
    }>(server.url, 'GET', `/api/rooms/${room.roomId}/agreement`, { token: room.tokens.viewerCsp });
    expect(agreed.status).toBe(200);
    expect(agreed.body.agreed).toBe(true);
    expect(agreed.body.termsheet.clauses.find((c) => c.id === 'c-scope')?.text).toBe(
      'Remote monitoring in the South region.',
    );
    expect(agreed.body.signatures).toHaveLength(6);
    expect(agreed.body.signatures).toContainEqual(
      expect.objectContaining({
        clauseId: 'c-share',
        partyId: 'csp',
        partyName: 'Northwind Telecom',
        memberName: 'Member negCsp',
        valueHash: agreed.body.valueHash,
      }),
    );

    // Agreed means frozen: nobody's edit goes in until the facilitator reopens the sheet.
    await vi.waitFor(async () =>
      expect(
        (await ok<GovernanceSnapshot>(sockets.observer, 'mediation:state')).state.agreedAt,
      ).toEqual(expect.any(Number)),
    );
    edit((doc) => setParam(doc, 'c-share', ['fixed', 'csp'], 41));
    await vi.waitFor(() => expect(refusals.at(-1)).toContain('agreement-frozen'));
    expect((await state()).agreement.agreed).toBe(true);
    expect(await call(sockets.negCsp, 'agreement:reopen')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await ok(sockets.mediator, 'agreement:reopen');

    // A later change then undoes the agreement.
    editor.destroy();
    editor = connectCollab(server.collabUrl, room.roomId, room.tokens.negPartner);
    await editor.synced;
    edit((doc) => setParam(doc, 'c-share', ['fixed', 'csp'], 41));
    edit((doc) => setParam(doc, 'c-share', ['fixed', 'partner'], 59));
    await vi.waitFor(async () => {
      const after = await request(server.url, 'GET', `/api/rooms/${room.roomId}/agreement`, {
        token: room.tokens.observer,
      });
      expect(after.status).toBe(409);
    });
    await vi.waitFor(async () => expect((await state()).agreement.agreed).toBe(false));
  });

  it('lets a party withdraw its own sign-off', async () => {
    await signedBy('negCsp', 'c-scope');
    const withdrawn = await ok<SignOff>(sockets.negCsp, 'signoffs:withdraw', {
      clauseId: 'c-scope',
    });
    expect(withdrawn).toMatchObject({ partyId: 'csp', voidReason: 'withdrawn' });
    const again = await call(sockets.negCsp, 'signoffs:withdraw', { clauseId: 'c-scope' });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('signs and withdraws over REST too', async () => {
    const signed = await request<SignOff>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/signoffs`,
      {
        token: room.tokens.negCsp,
        body: { clauseId: 'c-rev' },
      },
    );
    expect(signed.status).toBe(201);
    const listed = await request<SignOffState>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/signoffs`,
      {
        token: room.tokens.viewerPartner,
      },
    );
    expect(listed.body.signOffs.some((s) => s.id === signed.body.id)).toBe(true);
    const removed = await request<SignOff>(
      server.url,
      'DELETE',
      `/api/rooms/${room.roomId}/signoffs/c-rev`,
      { token: room.tokens.negCsp },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.voidReason).toBe('withdrawn');
  });
});

describe('sign-off permissions for every role', () => {
  it.each(people)('%s', async (person) => {
    const maySign = person === 'organizer' || person === 'negPartner' || person === 'negCsp';
    const sign = await call<SignOff>(sockets[person], 'signoffs:sign', { clauseId: 'c-scope' });
    const withdraw = await call<SignOff>(sockets[person], 'signoffs:withdraw', {
      clauseId: 'c-scope',
    });
    if (maySign) {
      expect(sign).toMatchObject({ ok: true, data: { partyId: partyOf[person] } });
      expect(withdraw).toMatchObject({ ok: true, data: { voidReason: 'withdrawn' } });
    } else {
      expect(sign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(withdraw).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await call(sockets[person], 'signoffs:list')).ok).toBe(true);
    const agreement = await request(server.url, 'GET', `/api/rooms/${room.roomId}/agreement`, {
      token: room.tokens[person],
    });
    expect(agreement.status).toBe(409);
  });

  it('refuses an unknown clause and a malformed payload', async () => {
    expect(await call(sockets.negCsp, 'signoffs:sign', { clauseId: 'c-nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call(sockets.negCsp, 'signoffs:sign', { clause: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
  });
});
