// The server's analyses against a real server: Monte Carlo risk over REST and Socket.IO for every
// member, with its input refused by name; and the fair settlement, which only the mediator may
// ask for, reads only the positions shared with the mediator, reaches nobody else, and becomes a
// proposal the parties see.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { monteCarlo } from '@parley/shared/analysis';
import type { MonteCarloAnalysis } from '@parley/shared/analysis';
import type { ProposalView } from '@parley/shared/mediation';
import type { SettlementAnswer } from '@parley/shared/protocol';
import { collect, request, startServer } from './helpers';
import type { ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, ok, people, twoPartySheet } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

/** The two-party pilot with uncertain members in a likely base case and a steady low case. */
const riskSheet = {
  ...twoPartySheet,
  assumptions: {
    ...twoPartySheet.assumptions,
    scenarios: [
      {
        id: 'base',
        name: 'Base',
        probabilityPct: 60,
        drivers: { members: { start: 100, growthPct: 0, volatilityPct: 20 } },
      },
      { id: 'low', name: 'Low', probabilityPct: 40, drivers: { members: 50 } },
    ],
  },
};

let server: StartedServer;
let risk: MediationRoom;
let pilot: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;

beforeAll(async () => {
  server = await startServer();
  risk = await mediationRoom(server.url, riskSheet);
  pilot = await mediationRoom(server.url);
  sockets = await connectAll(server.url, pilot);
});

afterAll(async () => {
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
});

function riskOver(token: string | undefined, query = '') {
  return request<MonteCarloAnalysis & { error?: { code: string; message: string } }>(
    server.url,
    'GET',
    `/api/rooms/${risk.roomId}/analysis/risk${query}`,
    token === undefined ? {} : { token },
  );
}

function settlementOver(token: string, query = '') {
  return request<SettlementAnswer & { error?: { code: string; message: string } }>(
    server.url,
    'GET',
    `/api/rooms/${pilot.roomId}/analysis/settlement${query}`,
    { token },
  );
}

describe('Monte Carlo risk', () => {
  it('gives every member the figures the shared engine gives, seeded, 1,000 paths by default', async () => {
    const expected = monteCarlo(riskSheet, { paths: 1000, seed: 1 });
    expect(expected.result?.scenarios[0]?.parties.csp?.net.p5).toBeLessThan(
      expected.result?.scenarios[0]?.parties.csp?.net.p95 ?? 0,
    );
    for (const person of people) {
      const answer = await riskOver(risk.tokens[person]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(JSON.parse(JSON.stringify(expected)));
    }
    const result = (await riskOver(risk.tokens.viewerCsp)).body.result!;
    expect(result.paths).toBe(1000);
    expect(result.combined).not.toBeNull();
    expect(result.probabilityWeighted?.probabilities).toEqual([
      { scenarioId: 'base', probabilityPct: 60 },
      { scenarioId: 'low', probabilityPct: 40 },
    ]);
  });

  it('answers the same over Socket.IO, and another seed or one scenario when asked', async () => {
    const socket = sockets.observer;
    const overSocket = await ok<MonteCarloAnalysis>(socket, 'analysis:risk', {
      paths: 200,
      seed: 7,
    });
    // The pilot room has no volatility: every path is the scenario as written.
    const csp = overSocket.result!.scenarios[0]!.parties.csp!;
    expect(csp.net.p5).toBe(csp.deterministicNet);
    expect(csp.net.p95).toBe(csp.deterministicNet);

    const seeded = await riskOver(risk.tokens.negCsp, '?paths=200&seed=7');
    expect(seeded.body).toEqual(
      JSON.parse(JSON.stringify(monteCarlo(riskSheet, { paths: 200, seed: 7 }))),
    );
    const other = await riskOver(risk.tokens.negCsp, '?paths=200&seed=8');
    expect(other.body.result!.scenarios[0]!.parties.csp!.net).not.toEqual(
      seeded.body.result!.scenarios[0]!.parties.csp!.net,
    );
    const low = await riskOver(risk.tokens.negCsp, '?scenario=low&paths=50');
    expect(low.body.result!.scenarios.map((s) => s.id)).toEqual(['low']);
    expect(low.body.result!.combined).toBeNull();
  });

  it('follows the document: an edit changes the figures', async () => {
    const before = await riskOver(risk.tokens.organizer, '?paths=100');
    const sheet = structuredClone(riskSheet);
    sheet.clauses[2]!.params = {
      costRecovery: false,
      method: 'fixed',
      fixed: { csp: 50, partner: 50 },
    };
    const room = await mediationRoom(server.url, sheet);
    const after = await request<MonteCarloAnalysis>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/analysis/risk?paths=100`,
      { token: room.tokens.organizer },
    );
    expect(after.body.result!.scenarios[0]!.parties.csp!.net.p50).toBeGreaterThan(
      before.body.result!.scenarios[0]!.parties.csp!.net.p50,
    );
  });

  it('refuses bad input by name, over REST and Socket.IO', async () => {
    const cases: [string, number, RegExp][] = [
      ['?paths=0', 400, /paths/],
      ['?paths=abc', 400, /paths/],
      ['?paths=10001', 400, /paths/],
      ['?paths=1.5', 400, /paths/],
      ['?seed=-1', 400, /seed/],
      ['?seed=4294967296', 400, /seed/],
      ['?colour=blue', 400, /colour/],
      ['?scenario=nope', 404, /no scenario "nope"/],
    ];
    for (const [query, status, message] of cases) {
      const answer = await riskOver(risk.tokens.organizer, query);
      expect(answer.status, query).toBe(status);
      expect(answer.body.error?.message, query).toMatch(message);
    }
    const bad = await call(sockets.negPartner, 'analysis:risk', { paths: 'many' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/paths/);
    expect((await riskOver(undefined)).status).toBe(401);
    const elsewhere = await request(server.url, 'GET', `/api/rooms/${pilot.roomId}/analysis/risk`, {
      token: risk.tokens.organizer,
    });
    expect(elsewhere.status).toBe(403);
  });

  it('lets a member run one computation at a time, and shares identical ones', async () => {
    const socket = sockets.viewerPartner;
    const first = call(socket, 'analysis:risk', { paths: 10_000, seed: 11 });
    const same = call(socket, 'analysis:risk', { paths: 10_000, seed: 11 });
    const different = call(socket, 'analysis:risk', { paths: 10_000, seed: 12 });
    const [a, b, c] = await Promise.all([first, same, different]);
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
    expect(c).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect((await call(socket, 'analysis:risk', { paths: 10, seed: 12 })).ok).toBe(true);
  });
});

describe('fair settlement for the mediator', () => {
  const cspShare = { clauseId: 'c-share', param: 'fixed.csp' };

  it('is refused to everyone but the mediator, over REST and Socket.IO, before anything is read', async () => {
    for (const person of people.filter((p) => p !== 'mediator')) {
      const rest = await settlementOver(pilot.tokens[person]);
      expect(rest.status, person).toBe(403);
      expect(rest.body.error?.code).toBe('forbidden');
      const socket = await call(sockets[person], 'analysis:settlement', {});
      expect(socket, person).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // The same answer with or without a bad payload: nothing about the room is checked first.
      const hostile = await call(sockets[person], 'analysis:settlement', { scenario: 'base' });
      expect(hostile, person).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('says there is nothing to search before any party shares a position', async () => {
    await ok(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'min', value: 30 });
    const answer = await ok<SettlementAnswer>(sockets.mediator, 'analysis:settlement', {});
    expect(answer.sharedBounds).toBe(0);
    expect(answer.settlement.result?.status).toBe('nothing-to-search');
    expect(answer.settlement.result?.proposals).toEqual([]);
  });

  let settled: SettlementAnswer;

  it('finds the Nash point inside the shared bounds and sends it to the mediator alone', async () => {
    const changed = people.map((p) => collect(sockets[p], 'proposals:changed'));
    await ok(sockets.negCsp, 'positions:share', { ...cspShare, bound: 'min', shared: true });
    await ok(sockets.negPartner, 'positions:set', { ...cspShare, bound: 'max', value: 45 });
    await ok(sockets.negPartner, 'positions:share', { ...cspShare, bound: 'max', shared: true });

    settled = await ok<SettlementAnswer>(sockets.mediator, 'analysis:settlement', {});
    expect(settled.sharedBounds).toBe(2);
    const result = settled.settlement.result!;
    // Without a legacy deal the gains are the NPVs: 45/55 is the closest to even the bounds allow.
    expect(result.status).toBe('found');
    expect(result.proposals).toEqual([
      {
        clauseId: 'c-share',
        params: [
          { path: 'fixed.csp', value: 45 },
          { path: 'fixed.partner', value: 55 },
        ],
      },
    ]);
    expect(result.parties.csp).toMatchObject({ currentNpv: 160_000, npv: 180_000 });
    expect(result.parties.partner).toMatchObject({ currentNpv: 240_000, npv: 220_000 });
    expect(result.parameters[0]).toMatchObject({
      highestMin: { partyId: 'csp', value: 30 },
      lowestMax: { partyId: 'partner', value: 45 },
    });

    const rest = await settlementOver(pilot.tokens.mediator);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(settled);
    // Nothing of it went to anyone: no proposal exists until the mediator makes one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changed.flat()).toEqual([]);
    const listed = await ok<{ proposals: ProposalView[] }>(sockets.negCsp, 'proposals:list');
    expect(listed.proposals).toEqual([]);
  });

  it('is not moved by a position its party did not share', async () => {
    // Used, this bound would hold the CSP's share at 35 at most.
    await ok(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'max', value: 35 });
    const withPrivate = await ok<SettlementAnswer>(sockets.mediator, 'analysis:settlement', {});
    expect(withPrivate).toEqual(settled);

    // Shared, it binds: proof that the bound would have mattered.
    await ok(sockets.negCsp, 'positions:share', { ...cspShare, bound: 'max', shared: true });
    const shared = await ok<SettlementAnswer>(sockets.mediator, 'analysis:settlement', {});
    expect(shared.sharedBounds).toBe(3);
    expect(shared.settlement.result!.proposals[0]!.params[0]).toEqual({
      path: 'fixed.csp',
      value: 35,
    });
    await ok(sockets.negCsp, 'positions:delete', { ...cspShare, bound: 'max' });
  });

  it('names the bounds that conflict, and suggests nothing', async () => {
    await ok(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'min', value: 50 });
    const answer = await ok<SettlementAnswer>(sockets.mediator, 'analysis:settlement', {});
    const result = answer.settlement.result!;
    expect(result.status).toBe('conflict');
    expect(result.proposals).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        clauseId: 'c-share',
        param: 'fixed.csp',
        highestMin: { partyId: 'csp', value: 50 },
        lowestMax: { partyId: 'partner', value: 45 },
      }),
    ]);
    await ok(sockets.negCsp, 'positions:set', { ...cspShare, bound: 'min', value: 30 });
    const bad = await settlementOver(pilot.tokens.mediator, '?disagreement=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/disagreement/);
  });

  it('becomes a proposal the parties see once the mediator makes it', async () => {
    const seen = collect(sockets.viewerCsp, 'proposals:changed');
    const change = settled.settlement.result!.proposals[0]!;
    const proposal = await ok<ProposalView>(sockets.mediator, 'proposals:create', {
      ...change,
      rationale: 'Fair settlement inside the walk-away values both parties shared.',
    });
    expect(proposal.params).toEqual(change.params);
    await vi.waitFor(() => expect(seen.map((p) => p.id)).toContain(proposal.id));
    const csp = proposal.impact.scenarios[0]!.parties.csp!;
    expect(csp.npv.after).toBe(180_000);
  });
});
