// Governance for each role beside a mediator (locks, agenda, drafts, votes, disputes, caucus, audit
// export), the organizer facilitating until a mediator joins, validation, broadcasts, caucus.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { roleIds } from '@parley/shared/permissions';
import type {
  BreakRequested,
  CaucusMessage,
  Dispute,
  Draft,
  MediationState,
} from '@parley/shared/mediation';
import type { Role } from '@parley/shared/permissions';
import type {
  Ack,
  CaucusListResult,
  DisputeListResult,
  GovernanceSnapshot,
} from '@parley/shared/protocol';
import {
  collect,
  connectSocket,
  createRoom,
  emitWithAck,
  consent,
  invite,
  seatParties,
  seatParty,
  request,
  roomWithEveryRole,
  startServer,
} from './helpers';
import type { ParleyClientSocket, RoomWithMembers, StartedServer } from './helpers';

// The permission matrix of the README for the mediation tools, as each role meets them over Socket.IO and REST.
let server: StartedServer;
let room: RoomWithMembers;
/** A negotiator of another party than the one every role of `room` belongs to. */
let otherParty: { token: string; id: string };
const sockets: ParleyClientSocket[] = [];

const until = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 10_000, interval: 25 });

beforeAll(async () => {
  server = await startServer();
  room = await roomWithEveryRole(server.url, 'insurer');
  otherParty = await invite(server.url, room.roomId, room.organizers.csp!, {
    name: 'Carla CSP',
    role: 'negotiator',
    party: 'csp',
  });
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

afterAll(async () => {
  await server?.close();
});

async function socketOf(token: string): Promise<ParleyClientSocket> {
  const socket = await connectSocket(server.url, token);
  sockets.push(socket);
  return socket;
}

async function as<T = unknown>(role: Role, event: string, payload: unknown): Promise<Ack<T>> {
  const socket = await socketOf(room.tokens[role]);
  return emitWithAck<T>(socket, event, payload);
}

function data<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected success, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

const mediatorOnly: Role[] = ['mediator'];
const partySpeakers: Role[] = ['organizer', 'negotiator'];

describe.each(roleIds)('%s in a room with a mediator', (role) => {
  const facilitates = mediatorOnly.includes(role);
  const speaks = partySpeakers.includes(role);

  it(`${facilitates ? 'may' : 'may not'} lock and unlock a clause`, async () => {
    const locked = await as<MediationState>(role, 'mediation:lock', { clauseId: 'c-term' });
    const unlocked = await as<MediationState>(role, 'mediation:unlock', { clauseId: 'c-term' });
    if (facilitates) {
      expect(data(locked).locks).toEqual(['c-term']);
      expect(data(unlocked).locks).toEqual([]);
    } else {
      for (const ack of [locked, unlocked]) {
        expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it(`${facilitates ? 'may' : 'may not'} set the agenda and the current item`, async () => {
    const set = await as<MediationState>(role, 'agenda:set', {
      items: ['c-sharing', 'c-term'],
      current: 'c-sharing',
    });
    const moved = await as<MediationState>(role, 'agenda:current', { current: 'c-term' });
    if (facilitates) {
      expect(data(set)).toMatchObject({ agenda: ['c-sharing', 'c-term'], current: 'c-sharing' });
      expect(data(moved).current).toBe('c-term');
    } else {
      for (const ack of [set, moved]) {
        expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it(`${facilitates ? 'may' : 'may not'} switch single-text mode and publish a draft`, async () => {
    const on = await as<MediationState>(role, 'mediation:mode', { mode: 'single-text' });
    const draft = await as<Draft>(role, 'drafts:publish', { note: `by the ${role}` });
    const off = await as<MediationState>(role, 'mediation:mode', { mode: 'normal' });
    if (facilitates) {
      expect(data(on).mode).toBe('single-text');
      expect(data(draft)).toMatchObject({ note: `by the ${role}`, votes: [] });
      expect(data(off).mode).toBe('normal');
    } else {
      for (const ack of [on, draft, off]) {
        expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it(`${speaks ? 'may' : 'may not'} vote on a draft for its party`, async () => {
    const mediator = await socketOf(room.tokens.mediator);
    data(await emitWithAck(mediator, 'mediation:mode', { mode: 'single-text' }));
    const draft = data(await emitWithAck<Draft>(mediator, 'drafts:publish', { note: 'v' }));
    const vote = await as<Draft>(role, 'drafts:vote', { number: draft.number, vote: 'yes' });
    data(await emitWithAck(mediator, 'mediation:mode', { mode: 'normal' }));
    if (speaks) {
      expect(data(vote).votes).toEqual([
        expect.objectContaining({
          partyId: 'insurer',
          vote: 'yes',
          memberId: room.memberIds[role],
        }),
      ]);
    } else {
      expect(vote).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it(`${speaks ? 'may' : 'may not'} dispute a clause and withdraw it`, async () => {
    const opened = await as<Dispute>(role, 'disputes:open', {
      clauseId: 'c-exit',
      position: `The ${role} wants a shorter notice period.`,
    });
    if (speaks) {
      const dispute = data(opened);
      expect(dispute).toMatchObject({ clauseId: 'c-exit', partyId: 'insurer', status: 'open' });
      const withdrawn = await as<Dispute>(role, 'disputes:withdraw', { disputeId: dispute.id });
      expect(data(withdrawn).status).toBe('withdrawn');
    } else {
      expect(opened).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it(`${facilitates ? 'may' : 'may not'} resolve a dispute and see the queue`, async () => {
    const negotiator = await socketOf(room.tokens.negotiator);
    const dispute = data(
      await emitWithAck<Dispute>(negotiator, 'disputes:open', {
        clauseId: 'c-caps',
        position: 'The cap is too low.',
      }),
    );
    const queue = await as<DisputeListResult>(role, 'disputes:queue', {});
    const resolved = await as<Dispute>(role, 'disputes:resolve', {
      disputeId: dispute.id,
      resolution: 'Cap raised.',
    });
    if (facilitates) {
      expect(data(queue).disputes.map((d) => d.id)).toContain(dispute.id);
      expect(data(resolved)).toMatchObject({ status: 'resolved', resolution: 'Cap raised.' });
    } else {
      expect(queue).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(resolved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      data(await emitWithAck(negotiator, 'disputes:withdraw', { disputeId: dispute.id }));
    }
  });

  it('reads the governance state, drafts and disputes', async () => {
    const snapshot = data(await as<GovernanceSnapshot>(role, 'mediation:state', {}));
    expect(snapshot.mediatorPresent).toBe(true);
    expect(snapshot.state.mode).toBe('normal');
    const rest = await request<GovernanceSnapshot>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/mediation`,
      { token: room.tokens[role] },
    );
    expect(rest.status).toBe(200);
    expect(rest.body.drafts.length).toBe(snapshot.drafts.length);
  });

  const caucuses = role !== 'observer';
  it(`${caucuses ? 'may' : 'may not'} caucus`, async () => {
    const sent = await as<CaucusMessage>(role, 'caucus:send', {
      ...(role === 'mediator' ? { partyId: 'insurer' } : {}),
      body: `hello from the ${role}`,
    });
    if (caucuses) expect(data(sent)).toMatchObject({ partyId: 'insurer', authorRole: role });
    else expect(sent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  const exportsAudit = role === 'organizer' || role === 'mediator';
  it(`${exportsAudit ? 'may' : 'may not'} export the audit log`, async () => {
    const response = await request(server.url, 'GET', `/api/rooms/${room.roomId}/audit`, {
      token: room.tokens[role],
    });
    expect(response.status).toBe(exportsAudit ? 200 : 403);
  });
});

describe('the organizer without a mediator', () => {
  it('facilitates until every party let a mediator in', async () => {
    const created = await createRoom(server.url);
    const organizers = await seatParties(server.url, created.roomId, created.organizerToken);
    const organizer = await socketOf(created.organizerToken);
    expect(
      data(await emitWithAck<MediationState>(organizer, 'mediation:lock', { clauseId: 'c-term' }))
        .locks,
    ).toEqual(['c-term']);
    expect(
      data(await emitWithAck<MediationState>(organizer, 'mediation:mode', { mode: 'single-text' }))
        .mode,
    ).toBe('single-text');
    // Proposed, not yet consented to: the organizer still facilitates.
    const [proposer, ...others] = Object.values(organizers);
    const mediator = await invite(server.url, created.roomId, proposer!, {
      name: 'Mia Mediator',
      role: 'mediator',
    });
    expect((await emitWithAck(organizer, 'mediation:lock', { clauseId: 'c-exit' })).ok).toBe(true);
    for (const other of others) await consent(server.url, created.roomId, other, mediator.id);
    expect(await emitWithAck(organizer, 'mediation:unlock', { clauseId: 'c-term' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('validation and live updates', () => {
  it('answers bad payloads and unknown clauses with clear errors and changes nothing', async () => {
    const mediator = await socketOf(room.tokens.mediator);
    expect(await emitWithAck(mediator, 'mediation:lock', { clause: 'c-term' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await emitWithAck(mediator, 'mediation:lock', { clauseId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'clause-not-found' },
    });
    expect(
      await emitWithAck(mediator, 'agenda:set', { items: ['c-term', 'c-term'] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(
      await emitWithAck(mediator, 'agenda:set', { items: ['c-term'], current: 'c-exit' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await emitWithAck(mediator, 'drafts:publish', { note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-single-text' },
    });
    const negotiator = await socketOf(room.tokens.negotiator);
    expect(await emitWithAck(negotiator, 'disputes:open', { clauseId: 'c-term' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(
      await emitWithAck(negotiator, 'drafts:vote', { number: 999, vote: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'draft-not-found' } });
    const state = data(await emitWithAck<GovernanceSnapshot>(mediator, 'mediation:state', {}));
    expect(state.state.locks).toEqual([]);
  });

  it('broadcasts locks, agenda and mode to everyone and the dispute queue to the mediator', async () => {
    const mediator = await socketOf(room.tokens.mediator);
    const observer = await socketOf(room.tokens.observer);
    const other = await socketOf(otherParty.token);
    const seenByObserver = collect(observer, 'mediation:changed');
    const seenByOther = collect(other, 'mediation:changed');
    const queue = collect(mediator, 'disputes:queue');
    const disputesSeen = collect(observer, 'disputes:changed');
    data(await emitWithAck(mediator, 'mediation:lock', { clauseId: 'c-revenue' }));
    data(await emitWithAck(mediator, 'agenda:set', { items: ['c-revenue'], current: 'c-revenue' }));
    await until(() => {
      for (const seen of [seenByObserver, seenByOther]) {
        expect(seen.at(-1)).toEqual({
          mode: 'normal',
          locks: ['c-revenue'],
          agenda: ['c-revenue'],
          current: 'c-revenue',
          agreedAt: null,
        });
      }
    });
    const dispute = data(
      await emitWithAck<Dispute>(other, 'disputes:open', {
        clauseId: 'c-revenue',
        position: 'CSP wants the revenue split revisited.',
      }),
    );
    await until(() => {
      expect(queue.at(-1)?.disputes.map((d) => d.id)).toContain(dispute.id);
      expect(disputesSeen.at(-1)).toMatchObject({ id: dispute.id, partyId: 'csp' });
    });
    data(await emitWithAck(mediator, 'disputes:resolve', { disputeId: dispute.id }));
    await until(() => expect(queue.at(-1)?.disputes.map((d) => d.id)).not.toContain(dispute.id));
    data(await emitWithAck(mediator, 'mediation:unlock', { clauseId: 'c-revenue' }));
    data(await emitWithAck(mediator, 'agenda:set', { items: [] }));
  });

  it('keeps one vote per party per draft, the latest', async () => {
    const mediator = await socketOf(room.tokens.mediator);
    const insurer = await socketOf(room.tokens.negotiator);
    const insurerOrganizer = await socketOf(room.tokens.organizer);
    const csp = await socketOf(otherParty.token);
    data(await emitWithAck(mediator, 'mediation:mode', { mode: 'single-text' }));
    const draft = data(await emitWithAck<Draft>(mediator, 'drafts:publish', { note: 'Draft' }));
    data(await emitWithAck(insurer, 'drafts:vote', { number: draft.number, vote: 'no' }));
    data(await emitWithAck(csp, 'drafts:vote', { number: draft.number, vote: 'yes' }));
    const last = data(
      await emitWithAck<Draft>(insurerOrganizer, 'drafts:vote', {
        number: draft.number,
        vote: 'yes',
      }),
    );
    expect(last.votes.map((v) => [v.partyId, v.vote])).toEqual([
      ['csp', 'yes'],
      ['insurer', 'yes'],
    ]);
    data(await emitWithAck(mediator, 'mediation:mode', { mode: 'normal' }));
  });
});

describe('caucus', () => {
  it('reaches only that party and the mediator, live and when read back', async () => {
    const mediator = await socketOf(room.tokens.mediator);
    const insurerViewer = await socketOf(room.tokens.viewer);
    const csp = await socketOf(otherParty.token);
    const organizer = await socketOf(room.tokens.organizer);
    const observer = await socketOf(room.tokens.observer);
    const live = {
      mediator: collect(mediator, 'caucus:message'),
      insurerViewer: collect(insurerViewer, 'caucus:message'),
      csp: collect(csp, 'caucus:message'),
      organizer: collect(organizer, 'caucus:message'),
      observer: collect(observer, 'caucus:message'),
    };
    const secret = 'CSP could live with 27 percent';
    const fromCsp = data(await emitWithAck<CaucusMessage>(csp, 'caucus:send', { body: secret }));
    expect(fromCsp.partyId).toBe('csp');
    const reply = data(
      await emitWithAck<CaucusMessage>(mediator, 'caucus:send', {
        partyId: 'csp',
        body: 'Noted; I will not share it.',
      }),
    );
    await until(() => {
      expect(live.mediator.map((m) => m.id)).toEqual([fromCsp.id, reply.id]);
      expect(live.csp.map((m) => m.id)).toEqual([fromCsp.id, reply.id]);
    });
    // A later message to the insurer's caucus shows that the other sockets were listening.
    const marker = data(
      await emitWithAck<CaucusMessage>(mediator, 'caucus:send', { partyId: 'insurer', body: 'hi' }),
    );
    await until(() => expect(live.insurerViewer.map((m) => m.id)).toContain(marker.id));
    for (const outsider of [live.insurerViewer, live.organizer, live.observer]) {
      expect(JSON.stringify(outsider)).not.toContain(secret);
      expect(outsider.some((m) => m.partyId === 'csp')).toBe(false);
    }

    // Reading another party's caucus answers exactly like a caucus that does not exist.
    const forbidden = await emitWithAck(organizer, 'caucus:list', { partyId: 'csp' });
    const missing = await emitWithAck(organizer, 'caucus:list', { partyId: 'no-such-party' });
    expect(forbidden.ok).toBe(false);
    expect(missing.ok).toBe(false);
    const message = (ack: Ack<unknown>, party: string) =>
      ack.ok ? '' : ack.error.message.replace(party, 'P');
    expect([!forbidden.ok && forbidden.error.code, message(forbidden, 'csp')]).toEqual([
      !missing.ok && missing.error.code,
      message(missing, 'no-such-party'),
    ]);
    const restForbidden = await request(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/caucus?partyId=csp`,
      { token: room.tokens.negotiator },
    );
    const restMissing = await request(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/caucus?partyId=nobody`,
      { token: room.tokens.negotiator },
    );
    expect(restForbidden.status).toBe(404);
    expect(restMissing.status).toBe(404);
    expect(JSON.stringify(restForbidden.body)).not.toContain(secret);
    expect(await emitWithAck(observer, 'caucus:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // Each side reads its own caucus back.
    const own = data(await emitWithAck<CaucusListResult>(csp, 'caucus:list', {}));
    expect(own.messages.map((m) => m.body)).toEqual([secret, 'Noted; I will not share it.']);
    const insurerOwn = data(await emitWithAck<CaucusListResult>(insurerViewer, 'caucus:list', {}));
    expect(JSON.stringify(insurerOwn)).not.toContain(secret);
    const viaRest = await request<CaucusListResult>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/caucus?partyId=csp`,
      { token: room.tokens.mediator },
    );
    expect(viaRest.body.messages.map((m) => m.id)).toEqual([fromCsp.id, reply.id]);
    // Nor does the audit log, which the organizer reads, tell of it.
    const audit = await request(server.url, 'GET', `/api/rooms/${room.roomId}/audit`, {
      token: room.tokens.organizer,
    });
    expect(JSON.stringify(audit.body)).not.toContain(secret);
    expect(JSON.stringify(audit.body)).not.toContain(fromCsp.id);
  });
});

describe('asking for a break', () => {
  it('tells the mediator and the asking party at once, and no other party the reason', async () => {
    const fresh = await roomWithEveryRole(server.url, 'insurer');
    const csp = await invite(server.url, fresh.roomId, fresh.organizers.csp!, {
      name: 'Carla CSP',
      role: 'negotiator',
      party: 'csp',
    });
    const mediator = await socketOf(fresh.tokens.mediator);
    const insurerViewer = await socketOf(fresh.tokens.viewer);
    const cspSocket = await socketOf(csp.token);
    const observer = await socketOf(fresh.tokens.observer);
    const live = {
      mediator: collect(mediator, 'breaks:requested'),
      insurerViewer: collect(insurerViewer, 'breaks:requested'),
      csp: collect(cspSocket, 'breaks:requested'),
      observer: collect(observer, 'breaks:requested'),
    };
    const reason = 'We need to check the cap with our CFO';
    const asked = data(
      await emitWithAck<BreakRequested>(cspSocket, 'breaks:request', { minutes: 20, reason }),
    );
    expect(asked).toMatchObject({
      partyId: 'csp',
      minutes: 20,
      reason,
      requestedByName: 'Carla CSP',
    });
    await until(() => {
      expect(live.mediator.map((b) => b.id)).toEqual([asked.id]);
      expect(live.csp.map((b) => b.id)).toEqual([asked.id]);
    });
    // A request of the insurer shows the other sockets were listening all along.
    const insurer = data(
      await emitWithAck<BreakRequested>(
        await socketOf(fresh.tokens.negotiator),
        'breaks:request',
        {},
      ),
    );
    expect(insurer).toMatchObject({ partyId: 'insurer', minutes: 15 });
    await until(() => expect(live.insurerViewer.map((b) => b.id)).toEqual([insurer.id]));
    expect(JSON.stringify(live.insurerViewer)).not.toContain(reason);
    expect(live.observer).toEqual([]);

    // Asking again at once is refused with the wait; the audit log keeps no reason.
    const again = await emitWithAck(cspSocket, 'breaks:request', { minutes: 10 });
    expect(again).toMatchObject({ ok: false, error: { code: 'break-requested-recently' } });
    const audit = await request<{ entries: { action: string; details: unknown }[] }>(
      server.url,
      'GET',
      `/api/rooms/${fresh.roomId}/audit`,
      { token: fresh.tokens.organizer },
    );
    const breaks = audit.body.entries.filter((e) => e.action === 'break.requested');
    expect(breaks.map((e) => e.details)).toEqual([
      { partyId: 'csp', minutes: 20 },
      { partyId: 'insurer', minutes: 15 },
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(reason);
  });

  it('is for a party speaker only, and refuses a bad length', async () => {
    for (const role of ['viewer', 'observer', 'mediator'] as const) {
      expect(await as(role, 'breaks:request', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await as('negotiator', 'breaks:request', { minutes: 600 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('minutes') },
    });
  });

  it('goes to the organizers while the room has no mediator', async () => {
    const created = await createRoom(server.url);
    const organizer = await socketOf(created.organizerToken);
    const live = collect(organizer, 'breaks:requested');
    // The organizer speaks for the insurer (the lead); the device maker asks.
    const device = await seatParty(server.url, created.roomId, created.organizerToken, 'device');
    const partner = await invite(server.url, created.roomId, device, {
      name: 'Dev Device',
      role: 'negotiator',
      party: 'device',
    });
    const asked = data(
      await emitWithAck<BreakRequested>(await socketOf(partner.token), 'breaks:request', {}),
    );
    await until(() => expect(live.map((b) => b.id)).toEqual([asked.id]));
  });
});
