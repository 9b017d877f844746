// Proposals over Socket.IO and REST: impact as worked out by hand, applied atomically once
// accepted, rejections, counters, staleness, single-text mode and each role's rights.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { readParams, setParam } from '@parley/shared/room';
import type { ProposalImpact, ProposalView } from '@parley/shared/mediation';
import { connectCollab, request, startServer } from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, ok, people } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
const collabs: CollabClient[] = [];

const evenSplit = {
  clauseId: 'c-share',
  params: [
    { path: 'fixed.csp', value: 50 },
    { path: 'fixed.partner', value: 50 },
  ],
  rationale: 'Both bring the same to the table.',
};

beforeAll(async () => {
  server = await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
});

afterAll(async () => {
  for (const c of collabs) c.destroy();
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
});

async function collab(person: Person): Promise<Y.Doc> {
  const client = connectCollab(server.collabUrl, room.roomId, room.tokens[person]);
  collabs.push(client);
  await client.synced;
  return client.doc;
}

async function proposal(id: string): Promise<ProposalView> {
  const { proposals } = await ok<{ proposals: ProposalView[] }>(sockets.mediator, 'proposals:list');
  const found = proposals.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no proposal ${id}`);
  return found;
}

/** Puts the split back to 40/60 through a negotiator's editor. */
async function resetSplit(doc: Y.Doc): Promise<void> {
  doc.transact(() => {
    setParam(doc, 'c-share', ['fixed', 'csp'], 40);
    setParam(doc, 'c-share', ['fixed', 'partner'], 60);
  });
  await vi.waitFor(async () => {
    const sheet = await request<{ clauses: { id: string; params: { fixed?: unknown } }[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.tokens.organizer },
    );
    expect(sheet.body.clauses.find((c) => c.id === 'c-share')?.params.fixed).toEqual({
      csp: 40,
      partner: 60,
    });
  });
}

describe('proposals', () => {
  it('shows the value impact per party and scenario, as the engine computes it by hand', async () => {
    const impact = await ok<ProposalImpact>(sockets.viewerCsp, 'proposals:preview', {
      clauseId: evenSplit.clauseId,
      params: evenSplit.params,
    });
    // Pool 100 000 a year for 4 years: 40 % → 50 % is +40 000 for csp, −40 000 for partner.
    expect(impact.ok).toBe(true);
    expect(impact.scenarios).toHaveLength(1);
    const base = impact.scenarios[0]!;
    expect(base.id).toBe('base');
    expect(base.parties.csp).toEqual({
      allocation: { before: 160000, after: 200000, delta: 40000 },
      net: { before: 160000, after: 200000, delta: 40000 },
      npv: { before: 160000, after: 200000, delta: 40000 },
    });
    expect(base.parties.partner!.allocation).toEqual({
      before: 240000,
      after: 200000,
      delta: -40000,
    });
    expect(base.parties.partner!.npv.delta).toBe(-40000);
  });

  it('shows what is wrong with a change that would break the sheet, and refuses to propose it', async () => {
    const breaking = {
      clauseId: 'c-share',
      params: [{ path: 'fixed.csp', value: 70 }],
      rationale: 'More for us.',
    };
    const preview = await ok<ProposalImpact>(sockets.negCsp, 'proposals:preview', breaking);
    expect(preview.ok).toBe(false);
    expect(preview.issues.map((i) => i.code)).toContain('split-not-100');
    expect(preview.scenarios).toEqual([]);
    const created = await call(sockets.negCsp, 'proposals:create', breaking);
    expect(created).toMatchObject({
      ok: false,
      error: {
        code: 'proposal-breaks-sheet',
        message: expect.stringContaining('must sum to exactly 100'),
      },
    });
    expect(
      (await ok<{ proposals: ProposalView[] }>(sockets.negCsp, 'proposals:list')).proposals,
    ).not.toContainEqual(expect.objectContaining({ rationale: 'More for us.' }));
  });

  it('refuses proposals it cannot apply, naming the problem', async () => {
    const missing = await call(sockets.negCsp, 'proposals:create', {
      ...evenSplit,
      clauseId: 'c-none',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const badPath = await call(sockets.negCsp, 'proposals:create', {
      ...evenSplit,
      params: [{ path: 'method.x', value: 1 }],
    });
    expect(badPath).toMatchObject({ ok: false, error: { code: 'invalid-proposal' } });
    const empty = await call(sockets.negCsp, 'proposals:create', {
      clauseId: 'c-share',
      rationale: 'x',
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('applies the change atomically once every other party accepted, and every client gets it', async () => {
    const organizerDoc = await collab('organizer');
    const cspDoc = await collab('negCsp');
    // Every state a client ever sees must split exactly 100: the two shares change together.
    const seenSums: number[] = [];
    organizerDoc.on('update', () => {
      const fixed = (readParams(organizerDoc, 'c-share') as { fixed: Record<string, number> })
        .fixed;
      seenSums.push((fixed.csp ?? 0) + (fixed.partner ?? 0));
    });
    const changed: ProposalView[] = [];
    sockets.observer.on('proposals:changed', (p) => changed.push(p));

    const created = await ok<ProposalView>(sockets.negCsp, 'proposals:create', evenSplit);
    expect(created.status).toBe('open');
    expect(created.author).toMatchObject({ memberId: room.ids.negCsp, partyId: 'csp' });
    expect(created.requiredParties).toEqual(['partner']);
    expect(created.pendingParties).toEqual(['partner']);
    expect(created.decisions).toEqual([
      expect.objectContaining({ partyId: 'csp', implicit: true }),
    ]);
    expect(created.impact.scenarios[0]!.parties.csp!.allocation.delta).toBe(40000);

    const decided = await ok<ProposalView>(sockets.negPartner, 'proposals:decide', {
      proposalId: created.id,
      decision: 'accept',
    });
    expect(decided.status).toBe('applied');
    expect(decided.appliedBy).toMatchObject({ memberId: room.ids.negCsp });
    for (const doc of [organizerDoc, cspDoc]) {
      await vi.waitFor(() =>
        expect((readParams(doc, 'c-share') as { fixed: unknown }).fixed).toEqual({
          csp: 50,
          partner: 50,
        }),
      );
    }
    expect(seenSums.every((sum) => sum === 100)).toBe(true);
    await vi.waitFor(() =>
      expect(changed.some((p) => p.id === created.id && p.status === 'applied')).toBe(true),
    );
    await resetSplit(cspDoc);
  });

  it('closes a proposal that a party rejects', async () => {
    const created = await ok<ProposalView>(sockets.negPartner, 'proposals:create', evenSplit);
    expect(created.requiredParties).toEqual(['csp']);
    const rejected = await ok<ProposalView>(sockets.negCsp, 'proposals:decide', {
      proposalId: created.id,
      decision: 'reject',
    });
    expect(rejected.status).toBe('rejected');
    expect(rejected.decisions).toContainEqual(
      expect.objectContaining({ partyId: 'csp', decision: 'reject', memberId: room.ids.negCsp }),
    );
    const late = await call(sockets.negCsp, 'proposals:decide', {
      proposalId: created.id,
      decision: 'accept',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'proposal-closed' } });
  });

  it('links a counter-proposal to the one it answers', async () => {
    const first = await ok<ProposalView>(sockets.negCsp, 'proposals:create', evenSplit);
    const counter = await ok<ProposalView>(sockets.organizer, 'proposals:counter', {
      proposalId: first.id,
      params: [
        { path: 'fixed.csp', value: 45 },
        { path: 'fixed.partner', value: 55 },
      ],
      rationale: 'Meet halfway.',
    });
    expect(counter).toMatchObject({ counterTo: first.id, status: 'open', clauseId: 'c-share' });
    expect(counter.requiredParties).toEqual(['csp']);
    expect(await proposal(first.id)).toMatchObject({
      status: 'countered',
      counteredBy: counter.id,
    });
    const ownCounter = await call(sockets.negCsp, 'proposals:counter', {
      proposalId: counter.id,
      params: [
        { path: 'fixed.csp', value: 50 },
        { path: 'fixed.partner', value: 50 },
      ],
      rationale: 'no',
    });
    expect(ownCounter).toMatchObject({ ok: true });
    const answered = (ownCounter as { data: ProposalView }).data;
    expect(await proposal(counter.id)).toMatchObject({ status: 'countered' });
    await ok(sockets.negCsp, 'proposals:withdraw', { proposalId: answered.id });
  });

  it('marks a proposal stale when its clause changes underneath it, and refuses to apply it', async () => {
    const doc = await collab('negPartner');
    const created = await ok<ProposalView>(sockets.negCsp, 'proposals:create', evenSplit);
    const other = await ok<ProposalView>(sockets.negCsp, 'proposals:create', {
      clauseId: 'c-scope',
      text: 'Remote monitoring in the North and East regions.',
      rationale: 'Wider pilot.',
    });
    setParam(doc, 'c-share', ['fixed', 'csp'], 41);
    setParam(doc, 'c-share', ['fixed', 'partner'], 59);
    await vi.waitFor(async () => expect((await proposal(created.id)).status).toBe('stale'));
    expect((await proposal(created.id)).staleAt).not.toBeNull();
    // A clause nobody touched keeps its proposals.
    expect((await proposal(other.id)).status).toBe('open');
    const decide = await call(sockets.negPartner, 'proposals:decide', {
      proposalId: created.id,
      decision: 'accept',
    });
    expect(decide).toMatchObject({ ok: false, error: { code: 'proposal-closed' } });
    const apply = await call(sockets.mediator, 'proposals:apply', { proposalId: created.id });
    expect(apply).toMatchObject({ ok: false, error: { code: 'stale' } });
    await ok(sockets.negCsp, 'proposals:withdraw', { proposalId: other.id });
    await resetSplit(doc);
  });

  it('recomputes the impact of open proposals when the document changes', async () => {
    const doc = await collab('negCsp');
    const changed: ProposalView[] = [];
    sockets.viewerPartner.on('proposals:changed', (p) => changed.push(p));
    const created = await ok<ProposalView>(sockets.negCsp, 'proposals:create', evenSplit);
    setParam(doc, 'c-rev', ['streams', 0, 'unitPrice'], 2000);
    // The pool doubles, so the 10-point move is worth twice as much.
    await vi.waitFor(() =>
      expect(
        changed.some(
          (p) =>
            p.id === created.id && p.impact.scenarios[0]?.parties.csp?.allocation.delta === 80000,
        ),
      ).toBe(true),
    );
    setParam(doc, 'c-rev', ['streams', 0, 'unitPrice'], 1000);
    await ok(sockets.negCsp, 'proposals:withdraw', { proposalId: created.id });
  });

  it('in single-text mode waits for the mediator to apply an accepted proposal', async () => {
    const doc = await collab('viewerCsp');
    await ok(sockets.mediator, 'mediation:mode', { mode: 'single-text' });
    try {
      const created = await ok<ProposalView>(sockets.negCsp, 'proposals:create', evenSplit);
      expect(created.applyMode).toBe('mediator');
      const accepted = await ok<ProposalView>(sockets.organizer, 'proposals:decide', {
        proposalId: created.id,
        decision: 'accept',
      });
      expect(accepted).toMatchObject({ status: 'accepted', pendingParties: [] });
      expect((readParams(doc, 'c-share') as { fixed: unknown }).fixed).toEqual({
        csp: 40,
        partner: 60,
      });
      const byParty = await call(sockets.negCsp, 'proposals:apply', { proposalId: created.id });
      expect(byParty).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const applied = await ok<ProposalView>(sockets.mediator, 'proposals:apply', {
        proposalId: created.id,
      });
      expect(applied).toMatchObject({
        status: 'applied',
        appliedBy: { memberId: room.ids.mediator },
      });
      await vi.waitFor(() =>
        expect((readParams(doc, 'c-share') as { fixed: unknown }).fixed).toEqual({
          csp: 50,
          partner: 50,
        }),
      );
    } finally {
      await ok(sockets.mediator, 'mediation:mode', { mode: 'normal' });
    }
    await resetSplit(await collab('negCsp'));
  });

  it('works the same over REST', async () => {
    const created = await request<ProposalView>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/proposals`,
      {
        token: room.tokens.negCsp,
        body: { clauseId: 'c-scope', text: 'Remote monitoring everywhere.', rationale: 'Scale.' },
      },
    );
    expect(created.status).toBe(201);
    const listed = await request<{ proposals: ProposalView[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/proposals`,
      { token: room.tokens.observer },
    );
    expect(listed.body.proposals.some((p) => p.id === created.body.id)).toBe(true);
    const byViewer = await request(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/proposals/${created.body.id}/decision`,
      { token: room.tokens.viewerPartner, body: { decision: 'accept' } },
    );
    expect(byViewer.status).toBe(403);
    const accepted = await request<ProposalView>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/proposals/${created.body.id}/decision`,
      { token: room.tokens.organizer, body: { decision: 'accept' } },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('applied');
    const sheet = await request<{ clauses: { id: string; text: string }[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.tokens.observer },
    );
    expect(sheet.body.clauses.find((c) => c.id === 'c-scope')?.text).toBe(
      'Remote monitoring everywhere.',
    );
  });
});

describe('proposal audit', () => {
  it('records proposals, decisions and applications with their actors', async () => {
    const entries = await server.server.audit.list(room.roomId);
    const actions = entries.map((e) => e.action);
    for (const action of [
      'proposal.created',
      'proposal.accepted',
      'proposal.rejected',
      'proposal.countered',
      'proposal.applied',
      'proposal.stale',
      'proposal.withdrawn',
    ]) {
      expect(actions).toContain(action);
    }
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'proposal.accepted', actorId: room.ids.negPartner }),
    );
  });
});

describe('proposal permissions for every role', () => {
  const mayPropose: Record<Person, boolean> = {
    organizer: true,
    negPartner: true,
    viewerPartner: false,
    negCsp: true,
    viewerCsp: false,
    mediator: true,
    observer: false,
  };
  const mayDecide: Record<Person, boolean> = {
    organizer: true,
    negPartner: true,
    viewerPartner: false,
    negCsp: true,
    viewerCsp: false,
    mediator: false,
    observer: false,
  };

  it.each(people)('%s: create, counter, decide, apply, list and preview', async (person) => {
    const socket = sockets[person];
    const create = await call<ProposalView>(socket, 'proposals:create', {
      clauseId: 'c-scope',
      text: `Scope by ${person}.`,
      rationale: 'Clearer.',
    });
    if (mayPropose[person]) {
      expect(create.ok).toBe(true);
      if (create.ok) await ok(socket, 'proposals:withdraw', { proposalId: create.data.id });
    } else {
      expect(create).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    // A proposal by a party this person does not belong to (csp's unless the person is csp).
    const author: Person = person === 'negCsp' || person === 'viewerCsp' ? 'negPartner' : 'negCsp';
    const target = await ok<ProposalView>(sockets[author], 'proposals:create', {
      clauseId: 'c-scope',
      text: `Scope for ${person} to decide.`,
      rationale: 'Clearer.',
    });
    const counter = await call<ProposalView>(socket, 'proposals:counter', {
      proposalId: target.id,
      text: 'A counter text.',
      rationale: 'Better.',
    });
    if (mayPropose[person]) {
      expect(counter.ok).toBe(true);
      if (counter.ok) await ok(socket, 'proposals:withdraw', { proposalId: counter.data.id });
    } else {
      expect(counter).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    const target2 = await ok<ProposalView>(sockets[author], 'proposals:create', {
      clauseId: 'c-scope',
      text: `Scope for ${person}, second.`,
      rationale: 'Clearer.',
    });
    const decide = await call<ProposalView>(socket, 'proposals:decide', {
      proposalId: target2.id,
      decision: 'reject',
    });
    if (mayDecide[person]) expect(decide).toMatchObject({ ok: true, data: { status: 'rejected' } });
    else expect(decide).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!mayDecide[person])
      await ok(sockets[author], 'proposals:withdraw', { proposalId: target2.id });

    const apply = await call(socket, 'proposals:apply', { proposalId: target.id });
    if (person === 'mediator')
      expect(apply).toMatchObject({ ok: false, error: { code: 'not-accepted' } });
    else expect(apply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if ((await proposal(target.id)).status === 'open') {
      await ok(sockets[author], 'proposals:withdraw', { proposalId: target.id });
    }

    expect((await call(socket, 'proposals:list')).ok).toBe(true);
    expect((await call(socket, 'proposals:preview', { clauseId: 'c-scope', text: 'x' })).ok).toBe(
      true,
    );
  });

  it('a mediator proposal needs every party', async () => {
    const created = await ok<ProposalView>(sockets.mediator, 'proposals:create', {
      clauseId: 'c-scope',
      text: 'A single text from the mediator.',
      rationale: 'One text.',
    });
    expect(created.requiredParties).toEqual(['csp', 'partner']);
    expect(created.decisions).toEqual([]);
    const half = await ok<ProposalView>(sockets.negCsp, 'proposals:decide', {
      proposalId: created.id,
      decision: 'accept',
    });
    expect(half).toMatchObject({ status: 'open', pendingParties: ['partner'] });
    const all = await ok<ProposalView>(sockets.organizer, 'proposals:decide', {
      proposalId: created.id,
      decision: 'accept',
    });
    expect(all.status).toBe('applied');
  });

  it('refuses malformed payloads with a clear error', async () => {
    const answer = await call(sockets.negCsp, 'proposals:decide', {
      proposalId: 'x',
      decision: 'maybe',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const unknown = await call(sockets.negCsp, 'proposals:decide', {
      proposalId: 'nope',
      decision: 'accept',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
