// Agreement between parties who do not trust each other, tried as an insider with stock clients:
// one party cannot forge agreement through the live document, a proposal that breaks the sheet
// goes nowhere, and what was agreed holds exactly while the sheet is what everyone signed.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { ProposalView, SignOff, SignOffState } from '@parley/shared/mediation';
import type { GovernanceSnapshot } from '@parley/shared/protocol';
import { getClauseBody, setParam } from '@parley/shared/room';
import { connectCollab, request, startServer } from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, ok, people, twoPartySheet } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
const clients: CollabClient[] = [];
const refusals: string[] = [];

const clauses = ['c-scope', 'c-rev', 'c-share'];

beforeEach(async () => {
  server ??= await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
  refusals.length = 0;
  vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
    refusals.push(String(message));
  });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const person of people) sockets[person].close();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await server?.close();
});

async function editorFor(person: Person): Promise<CollabClient> {
  const client = connectCollab(server.collabUrl, room.roomId, room.tokens[person]);
  clients.push(client);
  await client.synced;
  return client;
}

async function signAll(parties: Person[] = ['negCsp', 'organizer']): Promise<void> {
  for (const clauseId of clauses) {
    for (const person of parties) await ok<SignOff>(sockets[person], 'signoffs:sign', { clauseId });
  }
}

async function signOffs(): Promise<SignOffState> {
  return ok<SignOffState>(sockets.observer, 'signoffs:list');
}

async function agreement(): Promise<{ status: number; body: Record<string, unknown> }> {
  return request<Record<string, unknown>>(
    server.url,
    'GET',
    `/api/rooms/${room.roomId}/agreement`,
    { token: room.tokens.observer },
  );
}

async function frozenAt(): Promise<number | null> {
  return (await ok<GovernanceSnapshot>(sockets.observer, 'mediation:state')).state.agreedAt;
}

describe('forging agreement through the live document', () => {
  it("refuses a negotiator's rewrite of the header: currency, party names, lead and title", async () => {
    const csp = await editorFor('negCsp');
    const meta = csp.doc.getMap('meta');
    const parties = meta.get('parties') as Y.Array<Y.Map<unknown>>;
    csp.doc.transact(() => {
      meta.set('currency', 'JPY');
      meta.set('title', 'Whatever we say');
      parties.get(0).set('name', 'Contoso Health');
      parties.get(1).set('name', 'Northwind Telecom');
      parties.get(0).set('lead', true);
      parties.get(1).delete('lead');
    });
    await vi.waitFor(() => expect(refusals.join('\n')).toContain('header-organizer-only'));
    const sheet = await request<{ currency: string; title: string; parties: unknown[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.tokens.observer },
    );
    expect(sheet.body).toMatchObject({
      currency: 'EUR',
      title: 'Mediation',
      parties: [
        { id: 'csp', name: 'Northwind Telecom' },
        { id: 'partner', name: 'Contoso Health', lead: true },
      ],
    });
  });

  it('refuses removing the other party, so signing alone never makes an agreement', async () => {
    await ok(sockets.mediator, 'mediation:lock', { clauseId: 'c-share' });
    const csp = await editorFor('negCsp');
    const parties = csp.doc.getMap('meta').get('parties') as Y.Array<Y.Map<unknown>>;
    parties.delete(1, 1);
    await vi.waitFor(() => expect(refusals.join('\n')).toContain('header-organizer-only'));
    await signAll(['negCsp']);
    const state = await signOffs();
    expect(state.agreement.agreed).toBe(false);
    expect(state.agreement.missing).toContainEqual({ clauseId: 'c-share', partyId: 'partner' });
    expect((await agreement()).status).toBe(409);
  });

  it('lets the organizer change the header, and every sign-off lapses with the reason', async () => {
    await signAll();
    const voided: { reason: string }[] = [];
    sockets.negCsp.on('signoffs:voided', (event) => voided.push(event));
    await ok(sockets.mediator, 'agreement:reopen');
    const organizer = await editorFor('organizer');
    organizer.doc.getMap('meta').set('currency', 'USD');
    await vi.waitFor(async () => {
      const state = await signOffs();
      expect(state.agreement.agreed).toBe(false);
      expect(state.signOffs.map((s) => s.voidReason)).toEqual(
        Array.from({ length: 6 }, () => 'header-changed'),
      );
    });
    await vi.waitFor(() =>
      expect(voided.filter((v) => v.reason === 'header-changed')).toHaveLength(3),
    );
  });
});

describe('a proposal that would break the sheet', () => {
  it('cannot be made, nor accepted once another change made it break the sheet', async () => {
    // Floors and caps on top of the two-party sheet: a floor above its party's cap is an error.
    room = await mediationRoom(server.url, {
      ...twoPartySheet,
      clauses: [
        ...twoPartySheet.clauses,
        {
          id: 'c-floors',
          kind: 'minimum-guarantee',
          title: 'Floors',
          text: '',
          params: { floors: { csp: 3000 } },
        },
        { id: 'c-caps', kind: 'cap', title: 'Caps', text: '', params: { caps: { csp: 10000 } } },
      ],
    });
    for (const person of people) sockets[person].close();
    sockets = await connectAll(server.url, room);

    expect(
      await call(sockets.negCsp, 'proposals:create', {
        clauseId: 'c-share',
        params: [{ path: 'fixed.csp', value: 60 }],
        rationale: 'Sixty for us.',
      }),
    ).toMatchObject({ ok: false, error: { code: 'proposal-breaks-sheet' } });

    const floor = await ok<ProposalView>(sockets.negCsp, 'proposals:create', {
      clauseId: 'c-floors',
      params: [{ path: 'floors.csp', value: 5000 }],
      rationale: 'A higher guaranteed minimum.',
    });
    expect(floor.blockedBy).toEqual([]);
    // The partner lowers the cap live: fine on its own, but now the proposed floor is above it.
    const partner = await editorFor('negPartner');
    setParam(partner.doc, 'c-caps', ['caps', 'csp'], 4000);
    await vi.waitFor(async () => {
      const list = await ok<{ proposals: ProposalView[] }>(sockets.negPartner, 'proposals:list');
      expect(list.proposals.find((p) => p.id === floor.id)?.blockedBy.map((i) => i.code)).toEqual([
        'floor-above-cap',
      ]);
    });
    expect(
      await call(sockets.negPartner, 'proposals:decide', {
        proposalId: floor.id,
        decision: 'accept',
      }),
    ).toMatchObject({ ok: false, error: { code: 'proposal-breaks-sheet' } });
    // Rejecting stays possible.
    expect(
      await ok<ProposalView>(sockets.negPartner, 'proposals:decide', {
        proposalId: floor.id,
        decision: 'reject',
      }),
    ).toMatchObject({ status: 'rejected' });
  });
});

describe('what was agreed', () => {
  it('survives typing and deleting the same letter: content back means signatures back', async () => {
    await signAll();
    await vi.waitFor(async () => expect(await frozenAt()).toEqual(expect.any(Number)));
    await ok(sockets.mediator, 'agreement:reopen');
    expect(await frozenAt()).toBeNull();
    const csp = await editorFor('negCsp');
    const paragraph = getClauseBody(csp.doc, 'c-scope')!.get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(0, 'x');
    await vi.waitFor(async () => expect((await signOffs()).agreement.agreed).toBe(false));
    text.delete(0, 1);
    await vi.waitFor(async () => {
      const state = await signOffs();
      expect(state.agreement.agreed).toBe(true);
      expect(state.signOffs.every((s) => s.voidReason === null)).toBe(true);
    });
    // Back at what everyone signed is agreement again, and so frozen again.
    await vi.waitFor(async () => expect(await frozenAt()).toEqual(expect.any(Number)));
    expect((await agreement()).status).toBe(200);
  });

  it('is frozen once agreed: every write refused until an organizer or the mediator reopens it', async () => {
    await signAll();
    await vi.waitFor(async () => expect(await frozenAt()).toEqual(expect.any(Number)));
    const partner = await editorFor('negPartner');
    setParam(partner.doc, 'c-rev', ['streams', 0, 'unitPrice'], 1200);
    await vi.waitFor(() => expect(refusals.join('\n')).toContain('agreement-frozen'));
    expect((await agreement()).status).toBe(200);
    expect((await signOffs()).agreement.agreed).toBe(true);
    // Only an organizer or the mediator reopens; an organizer may even with a mediator present.
    for (const person of ['negCsp', 'negPartner', 'viewerCsp', 'observer'] as const) {
      expect(await call(sockets[person], 'agreement:reopen')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const seen: GovernanceSnapshot['state'][] = [];
    sockets.negPartner.on('mediation:changed', (state) => seen.push(state));
    await ok(sockets.organizer, 'agreement:reopen');
    await vi.waitFor(() => expect(seen.at(-1)?.agreedAt).toBeNull());
    expect(await call(sockets.mediator, 'agreement:reopen')).toMatchObject({
      ok: false,
      error: { code: 'not-agreed' },
    });
    const audit = await request<{ entries: { action: string }[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/audit`,
      { token: room.tokens.mediator },
    );
    expect(audit.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['agreement.reached', 'agreement.reopened']),
    );
  });

  it('needs a sheet without errors: every signature does not make a broken sheet agreed', async () => {
    const partner = await editorFor('negPartner');
    setParam(partner.doc, 'c-share', ['fixed', 'partner'], 70);
    await vi.waitFor(async () => expect((await signOffs()).agreement.sheetErrors).toBe(1));
    await signAll();
    const state = await signOffs();
    expect(state.agreement.missing).toEqual([]);
    expect(state.agreement.agreed).toBe(false);
    expect(await frozenAt()).toBeNull();
    expect((await agreement()).status).toBe(409);
  });
});
