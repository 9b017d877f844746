// Through a full mediation, secret numbers (unshared positions, caucus messages) never reach a
// socket or a REST answer of anyone who may not see them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PositionList, ProposalView, SignOff } from '@parley/shared/mediation';
import type { OverlapListResult } from '@parley/shared/protocol';
import { request, startServer } from './helpers';
import type { ParleyClientSocket, StartedServer } from './helpers';
import { call, connectAll, mediationRoom, people } from './proposals-fixture';
import type { MediationRoom, Person } from './proposals-fixture';

/**
 * A whole mediation run while every payload each socket receives and every REST answer each
 * member gets is recorded; then no party may have received another party's secret numbers.
 */

// Distinctive numbers no engine result, id or hash can contain by chance (hex has no '.').
const CSP_SHARED_MIN = 31.4159; // csp shares this one with the mediator
const CSP_PRIVATE_MAX = 1234.5678; // csp keeps this one to itself
const PARTNER_PRIVATE_MAX = 27.1828; // partner never shares it
const CSP_CAUCUS_SECRET = 'fallback 8675.309';

const cspSecrets = [String(CSP_SHARED_MIN), String(CSP_PRIVATE_MAX), '8675.309'];
const partnerSecrets = [String(PARTNER_PRIVATE_MAX)];

let server: StartedServer;
let room: MediationRoom;
let sockets: Record<Person, ParleyClientSocket>;
const seen = {} as Record<Person, string[]>;

function record(person: Person, what: unknown): void {
  seen[person].push(JSON.stringify(what));
}

/** A REST call whose answer goes into the caller's record. */
async function rest(person: Person, method: string, path: string, body?: unknown) {
  const response = await request(server.url, method, `/api/rooms/${room.roomId}${path}`, {
    token: room.tokens[person],
    ...(body === undefined ? {} : { body }),
  });
  record(person, { status: response.status, body: response.body });
  return response;
}

/** A Socket.IO call whose ack goes into the caller's record. */
async function emit<T = unknown>(person: Person, event: string, payload: unknown = {}) {
  const answer = await call<T>(sockets[person], event, payload);
  record(person, answer);
  return answer;
}

beforeAll(async () => {
  server = await startServer();
  room = await mediationRoom(server.url);
  sockets = await connectAll(server.url, room);
  for (const person of people) {
    seen[person] = [];
    sockets[person].onAny((event: string, ...args: unknown[]) => record(person, { event, args }));
  }
});

afterAll(async () => {
  for (const s of Object.values(sockets ?? {})) s.close();
  await server?.close();
});

describe('confidentiality over a full mediation', () => {
  it('never lets a secret number reach anyone who may not see it', async () => {
    // Confidential positions on both sides.
    const share = { clauseId: 'c-share', param: 'fixed.csp' };
    const price = { clauseId: 'c-rev', param: 'streams.0.unitPrice' };
    expect(
      (await emit('negCsp', 'positions:set', { ...share, bound: 'min', value: CSP_SHARED_MIN })).ok,
    ).toBe(true);
    expect(
      (await emit('negCsp', 'positions:set', { ...price, bound: 'max', value: CSP_PRIVATE_MAX }))
        .ok,
    ).toBe(true);
    expect(
      (
        await rest('organizer', 'PUT', '/positions', {
          ...share,
          bound: 'max',
          value: PARTNER_PRIVATE_MAX,
        })
      ).status,
    ).toBe(200);
    expect(
      (await emit('negCsp', 'positions:share', { ...share, bound: 'min', shared: true })).ok,
    ).toBe(true);

    // A caucus between csp and the mediator carries a secret too.
    expect(
      (await emit('negCsp', 'caucus:send', { body: `Between us: ${CSP_CAUCUS_SECRET}` })).ok,
    ).toBe(true);
    expect(
      (
        await emit('mediator', 'caucus:send', {
          partyId: 'partner',
          body: 'How flexible are you on the split?',
        })
      ).ok,
    ).toBe(true);

    // The mediator looks at the overlap and publishes yes/no.
    await vi.waitFor(async () => {
      const answer = await emit<OverlapListResult>('mediator', 'positions:overlaps');
      expect(answer).toMatchObject({ ok: true });
      const view = answer.ok
        ? answer.data.overlaps.find((o) => o.param === 'fixed.csp')
        : undefined;
      expect(view?.positions).toHaveLength(2);
    });
    const overlapsRest = await rest('mediator', 'GET', '/positions/overlaps');
    const fixedCsp = (overlapsRest.body as OverlapListResult).overlaps.find(
      (o) => o.param === 'fixed.csp',
    )!;
    expect(fixedCsp).toMatchObject({ overlap: false, gap: null });
    expect(fixedCsp.positions.find((p) => p.partyId === 'csp')?.value).toBe(CSP_SHARED_MIN);
    expect(fixedCsp.positions.find((p) => p.partyId === 'partner')?.value).toBeNull();
    expect((await emit('mediator', 'positions:publish', share)).ok).toBe(true);
    await rest('mediator', 'POST', '/positions/publish', price);

    // Everyone else pokes at the positions, including other parties' keys.
    for (const person of people) {
      await emit<PositionList>(person, 'positions:list');
      await rest(person, 'GET', '/positions');
      await emit(person, 'positions:overlaps');
      await rest(person, 'GET', '/positions/overlaps');
      await emit(person, 'positions:publish', share);
      // csp's own negotiator would legitimately share or delete csp's positions.
      if (person === 'negCsp') continue;
      await emit(person, 'positions:share', { ...share, bound: 'min', shared: true });
      await emit(person, 'positions:share', { ...price, bound: 'max', shared: true });
      await rest(person, 'POST', '/positions/delete', { ...price, bound: 'max' });
    }
    // csp's private position must have survived the others' delete attempts.
    const cspOwn = await emit<PositionList>('negCsp', 'positions:list');
    expect(cspOwn.ok && cspOwn.data.positions.some((p) => p.value === CSP_PRIVATE_MAX)).toBe(true);

    // Proposals and their decisions, near the secret figures.
    const proposal = await emit<ProposalView>('negCsp', 'proposals:create', {
      clauseId: 'c-share',
      params: [
        { path: 'fixed.csp', value: 45 },
        { path: 'fixed.partner', value: 55 },
      ],
      rationale: 'A fair middle.',
    });
    expect(proposal.ok).toBe(true);
    if (proposal.ok) {
      await emit('organizer', 'proposals:decide', {
        proposalId: proposal.data.id,
        decision: 'accept',
      });
    }
    for (const person of people) {
      await emit(person, 'proposals:list');
      await rest(person, 'GET', '/proposals');
    }

    // Sign-offs and the agreement.
    for (const clauseId of ['c-scope', 'c-rev', 'c-share']) {
      await emit<SignOff>('negCsp', 'signoffs:sign', { clauseId });
      await emit<SignOff>('negPartner', 'signoffs:sign', { clauseId });
    }
    for (const person of people) {
      await emit(person, 'signoffs:list');
      await rest(person, 'GET', '/agreement');
      await emit(person, 'caucus:list', {});
      // The organizer and the mediator may export the audit log; the others are refused.
      await rest(person, 'GET', '/audit');
    }
    await vi.waitFor(() =>
      expect(seen.observer.some((text) => text.includes('positions:published'))).toBe(true),
    );

    const forbidden: Record<Person, string[]> = {
      organizer: cspSecrets,
      negPartner: cspSecrets,
      viewerPartner: cspSecrets,
      negCsp: partnerSecrets,
      viewerCsp: partnerSecrets,
      // The mediator may see csp's shared minimum and csp's caucus, nothing else.
      mediator: [String(CSP_PRIVATE_MAX), ...partnerSecrets],
      observer: [...cspSecrets, ...partnerSecrets],
    };
    for (const person of people) {
      expect(seen[person].length).toBeGreaterThan(10);
      const all = seen[person].join('\n');
      for (const secret of forbidden[person]) {
        expect(all.includes(secret), `${person} received ${secret}`).toBe(false);
      }
    }
    // The run did carry the secrets to those entitled to them (the check above is not vacuous).
    expect(seen.negCsp.join('\n')).toContain(String(CSP_PRIVATE_MAX));
    expect(seen.viewerCsp.join('\n')).toContain(String(CSP_SHARED_MIN));
    expect(seen.viewerPartner.join('\n')).toContain(String(PARTNER_PRIVATE_MAX));
    expect(seen.mediator.join('\n')).toContain(String(CSP_SHARED_MIN));
    expect(seen.mediator.join('\n')).toContain('8675.309');

    // Nor does the audit log hold any secret value.
    const entries = await server.server.audit.list(room.roomId);
    const audit = JSON.stringify(entries);
    expect(audit).toContain('position.set');
    for (const secret of [...cspSecrets.slice(0, 2), ...partnerSecrets]) {
      expect(audit.includes(secret), `audit holds ${secret}`).toBe(false);
    }
  });
});
