import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type {
  CaucusListResult,
  InviteReused,
  MemberInfo,
  ThreadListResult,
} from '@parley/shared/protocol';
import {
  collect,
  connectCollab,
  connectSocket,
  createInvitation,
  createRoom,
  emitWithAck,
  invite,
  join,
  request,
  startServer,
} from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { twoPartySheet } from './proposals-fixture';

// Each party controls its own seats, against an organizer of another party who holds nothing but
// their own token and stock clients. The room's creator speaks for "partner" (the lead party);
// "csp" is the other party.

type ErrorBody = { error: { code: string; message: string } };
type InviteList = { members: MemberInfo[]; invitableParties: string[] };

let server: StartedServer;
const sockets: ParleyClientSocket[] = [];
const docs: CollabClient[] = [];

const until = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 10_000, interval: 25 });

beforeAll(async () => {
  server = await startServer();
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const doc of docs.splice(0)) doc.destroy();
});

afterAll(async () => {
  await server?.close();
});

async function socketOf(token: string): Promise<ParleyClientSocket> {
  const socket = await connectSocket(server.url, token);
  sockets.push(socket);
  return socket;
}

function collab(roomId: string, token: string): CollabClient {
  const client = connectCollab(server.collabUrl, roomId, token);
  docs.push(client);
  return client;
}

/** The status and error code of a /collab upgrade the server refuses. */
function upgradeRefusal(roomId: string, token: string): Promise<{ status: number; code: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.collabUrl}/${roomId}?token=${token}`);
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          code: (JSON.parse(body) as ErrorBody).error.code,
        });
        ws.terminate();
      });
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', () => undefined);
  });
}

/** The code a refused Socket.IO handshake answers. */
async function handshakeRefusal(token: string): Promise<string> {
  const refusal = await connectSocket(server.url, token).then(
    (socket) => {
      socket.close();
      throw new Error('the handshake was accepted');
    },
    (error: Error & { data?: { code?: string } }) => error.data?.code,
  );
  return refusal ?? 'none';
}

function list(roomId: string, token: string) {
  return request<InviteList>(server.url, 'GET', `/api/rooms/${roomId}/invites`, { token });
}

/** A two-party room: the creator (partner) and csp's organizer, each joined. */
async function twoParties() {
  const room = await createRoom(server.url, { title: 'Seats', termsheet: twoPartySheet });
  const cspOrganizer = await invite(server.url, room.roomId, room.organizerToken, {
    name: 'Carla CSP',
    role: 'organizer',
    party: 'csp',
  });
  return { roomId: room.roomId, creator: room.organizerToken, cspOrganizer };
}

describe('each party controls its own seats', () => {
  it('lets the creator seat another party once, with its organizer, until that party has joined', async () => {
    const room = await createRoom(server.url, { title: 'Seats', termsheet: twoPartySheet });
    const before = await list(room.roomId, room.organizerToken);
    expect(before.body.invitableParties).toEqual(['csp', 'partner']);
    const seatCsp = (name: string, role = 'organizer') =>
      request<ErrorBody & { id: string; token: string }>(
        server.url,
        'POST',
        `/api/rooms/${room.roomId}/invites`,
        { token: room.organizerToken, body: { name, role, party: 'csp' } },
      );
    // A party's seat is its organizer, and there is one seat at a time.
    const negotiatorSeat = await seatCsp('Not an organizer', 'negotiator');
    expect(negotiatorSeat.status).toBe(403);
    expect(negotiatorSeat.body.error.message).toContain('organizer');
    const lost = await seatCsp('Lost link');
    expect(lost.status).toBe(201);
    const spare = await seatCsp('Spare');
    expect(spare.status).toBe(409);
    expect(spare.body.error.code).toBe('seat-taken');
    // The creator may take a pending seat back and seat someone else.
    expect(
      (
        await request(server.url, 'DELETE', `/api/rooms/${room.roomId}/invites/${lost.body.id}`, {
          token: room.organizerToken,
        })
      ).status,
    ).toBe(200);
    const seat = await seatCsp('Carla CSP');
    expect(seat.status).toBe(201);
    const carla = await join(server.url, room.roomId, seat.body.token);

    // The attack: the partner's organizer mints another csp invitation to read csp's secrets.
    const minted = await request<ErrorBody>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/invites`,
      {
        token: room.organizerToken,
        body: { name: 'Not really CSP', role: 'organizer', party: 'csp' },
      },
    );
    expect(minted.status).toBe(403);
    expect(minted.body.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('only its own organizers'),
    });
    // Nor may it revoke or change csp's seats, which now answer like missing ones.
    for (const [method, body] of [
      ['DELETE', undefined],
      ['PATCH', { role: 'viewer' }],
    ] as const) {
      const answer = await request<ErrorBody>(
        server.url,
        method,
        `/api/rooms/${room.roomId}/invites/${carla.member.id}`,
        { token: room.organizerToken, ...(body ? { body } : {}) },
      );
      expect(answer.status, method).toBe(404);
    }
    const after = await list(room.roomId, room.organizerToken);
    expect(after.body.invitableParties).toEqual(['partner']);
    expect(after.body.members.map((m) => m.partyId)).not.toContain('csp');

    // csp sees its own seats, with who invited whom, and seats colleagues itself.
    const colleague = await invite(server.url, room.roomId, carla.token, {
      name: 'Nils Negotiator',
      role: 'negotiator',
      party: 'csp',
    });
    const pending = await createInvitation(server.url, room.roomId, carla.token, {
      name: 'Vic Viewer',
      role: 'viewer',
      party: 'csp',
    });
    const own = await list(room.roomId, carla.token);
    expect(own.status).toBe(200);
    expect(own.body.invitableParties).toEqual(['csp']);
    const creatorId = (
      await request<{ member: { id: string } }>(server.url, 'GET', `/api/rooms/${room.roomId}/me`, {
        token: room.organizerToken,
      })
    ).body.member.id;
    expect(own.body.members.filter((m) => m.partyId === 'csp')).toEqual([
      expect.objectContaining({
        id: lost.body.id,
        status: 'revoked',
        invitedBy: { id: creatorId, name: 'Organizer' },
      }),
      expect.objectContaining({
        id: carla.member.id,
        status: 'joined',
        invitedBy: { id: creatorId, name: 'Organizer' },
        joinedAt: expect.any(Number),
      }),
      expect.objectContaining({
        id: colleague.id,
        role: 'negotiator',
        status: 'joined',
        invitedBy: { id: carla.member.id, name: 'Carla CSP' },
      }),
      expect.objectContaining({
        id: pending.id,
        status: 'invited',
        joinedAt: null,
        invitedBy: { id: carla.member.id, name: 'Carla CSP' },
      }),
    ]);
    expect(own.body.members.map((m) => m.partyId)).not.toContain('partner');
  });

  it("keeps another party's threads, caucus and positions from the creator on every route", async () => {
    const { roomId, creator, cspOrganizer } = await twoParties();
    const negotiator = await invite(server.url, roomId, cspOrganizer.token, {
      name: 'Nils',
      role: 'negotiator',
      party: 'csp',
    });
    const secret = 'CSP-INTERNAL-FLOOR-7731';
    const cspSocket = await socketOf(negotiator.token);
    const thread = await emitWithAck(cspSocket, 'comments:create', {
      anchor: { type: 'clause', clauseId: 'c-share' },
      visibility: 'party',
      body: secret,
    });
    expect(thread.ok).toBe(true);
    const position = await request(server.url, 'PUT', `/api/rooms/${roomId}/positions`, {
      token: negotiator.token,
      body: { clauseId: 'c-share', param: 'fixed.csp', bound: 'min', value: 37.77 },
    });
    expect(position.status).toBe(200);

    const seen: string[] = [];
    const creatorSocket = await socketOf(creator);
    creatorSocket.onAny((event: string, payload: unknown) =>
      seen.push(JSON.stringify({ event, payload })),
    );
    const threads = await request<ThreadListResult>(
      server.url,
      'GET',
      `/api/rooms/${roomId}/comments`,
      {
        token: creator,
      },
    );
    seen.push(JSON.stringify(threads.body));
    seen.push(JSON.stringify(await emitWithAck(creatorSocket, 'comments:list', {})));
    const caucus = await request<CaucusListResult>(
      server.url,
      'GET',
      `/api/rooms/${roomId}/caucus?partyId=csp`,
      { token: creator },
    );
    seen.push(JSON.stringify(caucus.body));
    const positions = await request(server.url, 'GET', `/api/rooms/${roomId}/positions`, {
      token: creator,
    });
    seen.push(JSON.stringify(positions.body));
    const members = await emitWithAck(creatorSocket, 'comments:members', {});
    seen.push(JSON.stringify(members));
    for (const text of seen) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('37.77');
      expect(text).not.toContain(negotiator.id);
    }
  });

  it('lets a party change its members: a new role takes effect at once, on every connection', async () => {
    const { roomId, creator, cspOrganizer } = await twoParties();
    const nils = await invite(server.url, roomId, cspOrganizer.token, {
      name: 'Nils',
      role: 'negotiator',
      party: 'csp',
    });
    const doc = collab(roomId, nils.token);
    await doc.synced;
    const socket = await socketOf(nils.token);
    const ended = collect(socket, 'session:ended');

    // Another party's organizer cannot, the party's own can.
    const foreign = await request(server.url, 'PATCH', `/api/rooms/${roomId}/invites/${nils.id}`, {
      token: creator,
      body: { role: 'viewer' },
    });
    expect(foreign.status).toBe(404);
    const changed = await request<{ member: MemberInfo }>(
      server.url,
      'PATCH',
      `/api/rooms/${roomId}/invites/${nils.id}`,
      { token: cspOrganizer.token, body: { role: 'viewer', name: 'Nils Viewer' } },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.member).toMatchObject({ role: 'viewer', name: 'Nils Viewer' });
    await until(() => expect(ended.map((e) => e.code)).toEqual(['member-changed']));
    // The document connection reconnects by itself, now read-only.
    await until(() => expect(doc.closes.map((c) => c.code)).toContain(4100));
    const me = await request<{ member: MemberInfo }>(server.url, 'GET', `/api/rooms/${roomId}/me`, {
      token: nils.token,
    });
    expect(me.body.member).toMatchObject({ role: 'viewer', name: 'Nils Viewer' });
    const write = await request<ErrorBody>(server.url, 'PUT', `/api/rooms/${roomId}/positions`, {
      token: nils.token,
      body: { clauseId: 'c-share', param: 'fixed.csp', bound: 'min', value: 10 },
    });
    expect(write.status).toBe(403);

    // Nobody changes their own role, and bad input names what is wrong.
    const self = await request<ErrorBody>(
      server.url,
      'PATCH',
      `/api/rooms/${roomId}/invites/${cspOrganizer.id}`,
      { token: cspOrganizer.token, body: { role: 'viewer' } },
    );
    expect(self.status).toBe(400);
    const bad = await request<ErrorBody>(
      server.url,
      'PATCH',
      `/api/rooms/${roomId}/invites/${nils.id}`,
      { token: cspOrganizer.token, body: { role: 'mediator' } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-payload');
  });
});

describe('single-use invitation links', () => {
  it('refuses a second use and tells the party, which keeps its session', async () => {
    const { roomId, cspOrganizer } = await twoParties();
    const organizerSocket = await socketOf(cspOrganizer.token);
    const reused = collect(organizerSocket, 'members:invite-reused');
    const created = await createInvitation(server.url, roomId, cspOrganizer.token, {
      name: 'Vera Viewer',
      role: 'viewer',
      party: 'csp',
    });
    const first = await join(server.url, roomId, created.token);
    expect(first.member).toMatchObject({ id: created.id, status: 'joined' });

    const second = await request<ErrorBody>(server.url, 'POST', `/api/rooms/${roomId}/join`, {
      token: created.token,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('invite-used');
    await until(() =>
      expect(reused).toEqual([
        expect.objectContaining<Partial<InviteReused>>({
          memberId: created.id,
          name: 'Vera Viewer',
          partyId: 'csp',
        }),
      ]),
    );
    const seats = await list(roomId, cspOrganizer.token);
    expect(seats.body.members.find((m) => m.id === created.id)?.reuseRefusedAt).toEqual(
      expect.any(Number),
    );
    // The first session carries on.
    const me = await request(server.url, 'GET', `/api/rooms/${roomId}/me`, { token: first.token });
    expect(me.status).toBe(200);
    // Trying again and again is refused every time, and logged once a minute, not once a try.
    const third = await request<ErrorBody>(server.url, 'POST', `/api/rooms/${roomId}/join`, {
      token: created.token,
    });
    expect(third.status).toBe(409);
    const audit = await request<{ entries: { action: string; target: string | null }[] }>(
      server.url,
      'GET',
      `/api/rooms/${roomId}/audit`,
      { token: cspOrganizer.token },
    );
    expect(
      audit.body.entries.filter((e) => e.action === 'invite.reused' && e.target === created.id),
    ).toHaveLength(1);
  });

  it('lets exactly one of many joins at once win', async () => {
    const { roomId, cspOrganizer } = await twoParties();
    const created = await createInvitation(server.url, roomId, cspOrganizer.token, {
      name: 'Raced',
      role: 'negotiator',
      party: 'csp',
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        request(server.url, 'POST', `/api/rooms/${roomId}/join`, { token: created.token }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('never takes an invitation as a session, used or not', async () => {
    const { roomId, cspOrganizer } = await twoParties();
    const created = await createInvitation(server.url, roomId, cspOrganizer.token, {
      name: 'Link',
      role: 'negotiator',
      party: 'csp',
    });
    const check = async () => {
      const rest = await request<ErrorBody>(server.url, 'GET', `/api/rooms/${roomId}/termsheet`, {
        token: created.token,
      });
      expect(rest.status).toBe(401);
      expect(rest.body.error.code).toBe('invite-not-joined');
      expect(await upgradeRefusal(roomId, created.token)).toEqual({
        status: 401,
        code: 'invite-not-joined',
      });
      expect(await handshakeRefusal(created.token)).toBe('invite-not-joined');
    };
    await check();
    const joined = await join(server.url, roomId, created.token);
    await check();
    // A session is no invitation either.
    const again = await request<ErrorBody>(server.url, 'POST', `/api/rooms/${roomId}/join`, {
      token: joined.token,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('not-an-invitation');
  });

  it('refuses a revoked invitation at the join, and revocation ends a joined session', async () => {
    const { roomId, cspOrganizer } = await twoParties();
    const unused = await createInvitation(server.url, roomId, cspOrganizer.token, {
      name: 'Never',
      role: 'viewer',
      party: 'csp',
    });
    await request(server.url, 'DELETE', `/api/rooms/${roomId}/invites/${unused.id}`, {
      token: cspOrganizer.token,
    });
    const refused = await request<ErrorBody>(server.url, 'POST', `/api/rooms/${roomId}/join`, {
      token: unused.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('revoked');

    const nils = await invite(server.url, roomId, cspOrganizer.token, {
      name: 'Nils',
      role: 'negotiator',
      party: 'csp',
    });
    const doc = collab(roomId, nils.token);
    await doc.synced;
    await request(server.url, 'DELETE', `/api/rooms/${roomId}/invites/${nils.id}`, {
      token: cspOrganizer.token,
    });
    await until(() => expect(doc.closes.map((c) => c.code)).toContain(4403));
  });
});
