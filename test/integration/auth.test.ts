// REST authentication and invites: missing, tampered, expired and foreign tokens refused with the
// right status, roles read from the store, and a revoked invite refused at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService } from '@parley/server';
import { createRoom, invite, request, startServer } from './helpers';
import type { StartedServer } from './helpers';

let server: StartedServer;
let room: { roomId: string; organizerToken: string };

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { title: 'Auth', template: 'mhealth' });
});

afterAll(async () => {
  await server?.close();
});

function serverTokens() {
  const secret = readFileSync(join(server.dataDir, 'secret'), 'utf8').trim();
  return createTokenService(new TextEncoder().encode(secret));
}

type ErrorBody = { error: { code: string; message: string } };

describe('REST authentication', () => {
  it('refuses a request without a token with 401', async () => {
    const response = await request<ErrorBody>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
    );
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('refuses a tampered or foreign token with 401', async () => {
    const [header, payload] = room.organizerToken.split('.');
    for (const token of [
      'not-a-token',
      `${header}.${payload}.${'A'.repeat(43)}`,
      await createTokenService(new TextEncoder().encode('y'.repeat(40))).sign({
        sub: 'm-x',
        room: room.roomId,
        role: 'organizer',
        party: null,
        name: 'Mallory',
      }),
    ]) {
      const response = await request<ErrorBody>(
        server.url,
        'GET',
        `/api/rooms/${room.roomId}/termsheet`,
        { token },
      );
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
  });

  it('refuses an expired token with 401 token-expired', async () => {
    const me = await request<{ member: { id: string; partyId: string } }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/me`,
      { token: room.organizerToken },
    );
    const expired = await serverTokens().sign(
      {
        sub: me.body.member.id,
        room: room.roomId,
        role: 'organizer',
        party: me.body.member.partyId,
        name: 'Organizer',
      },
      -60,
    );
    const response = await request<ErrorBody>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: expired },
    );
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('token-expired');
  });

  it('refuses a token of another room with 403 and an unknown room with 404', async () => {
    const other = await createRoom(server.url);
    const foreign = await request<ErrorBody>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: other.organizerToken },
    );
    expect(foreign.status).toBe(403);
    const unknown = await request<ErrorBody>(server.url, 'GET', '/api/rooms/no-such-room/value', {
      token: room.organizerToken,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('room-not-found');
  });

  it('refuses a signed token that names no member of the room', async () => {
    const forged = await serverTokens().sign({
      sub: 'm-nobody',
      room: room.roomId,
      role: 'organizer',
      party: null,
      name: 'Nobody',
    });
    const response = await request<ErrorBody>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: forged },
    );
    expect(response.status).toBe(401);
  });

  it('takes the role from the store, not from the token', async () => {
    const viewer = await invite(server.url, room.roomId, room.organizerToken, {
      name: 'Vera',
      role: 'viewer',
      party: 'insurer',
    });
    // A validly signed session token claiming more than the invite granted gains nothing.
    const { sid } = JSON.parse(
      Buffer.from(viewer.token.split('.')[1]!, 'base64url').toString('utf8'),
    ) as { sid: string };
    const inflated = await serverTokens().sign({
      sub: viewer.id,
      room: room.roomId,
      role: 'organizer',
      party: 'insurer',
      name: 'Vera',
      kind: 'session',
      sid,
    });
    const response = await request<ErrorBody>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/invites`,
      { token: inflated, body: { name: 'Eve', role: 'negotiator', party: 'insurer' } },
    );
    expect(response.status).toBe(403);
  });
});

describe('invites', () => {
  it('creates invites with a role and a party; once the party joined, it is its own list', async () => {
    const created = await invite(server.url, room.roomId, room.organizerToken, {
      name: 'Nina',
      role: 'organizer',
      party: 'device',
    });
    expect(created.url).toBe(`${server.url}/rooms/${room.roomId}#token=${created.invitation}`);
    const me = await request<{ member: { name: string; role: string; partyId: string } }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/me`,
      { token: created.token },
    );
    expect(me.body.member).toMatchObject({ name: 'Nina', role: 'organizer', partyId: 'device' });
    const list = await request<{ members: { id: string; name: string; revokedAt: null }[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/invites`,
      { token: room.organizerToken },
    );
    expect(list.status).toBe(200);
    // Nina joined for the device maker: its seats are its own business from now on.
    expect(list.body.members.map((m) => m.id)).not.toContain(created.id);
    const colleague = await invite(server.url, room.roomId, room.organizerToken, {
      name: 'Ines',
      role: 'viewer',
      party: 'insurer',
    });
    const own = await request<{ members: { id: string; name: string; revokedAt: null }[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/invites`,
      { token: room.organizerToken },
    );
    expect(own.body.members).toContainEqual(
      expect.objectContaining({ id: colleague.id, name: 'Ines', revokedAt: null }),
    );
  });

  it('checks the party against the role and the room', async () => {
    const cases = [
      { name: 'No party', role: 'negotiator' },
      { name: 'Unknown party', role: 'viewer', party: 'pirates' },
      { name: 'Neutral with party', role: 'mediator', party: 'insurer' },
      { name: 'Bad role', role: 'king' },
      { name: '', role: 'observer' },
    ];
    for (const body of cases) {
      const response = await request<ErrorBody>(
        server.url,
        'POST',
        `/api/rooms/${room.roomId}/invites`,
        { token: room.organizerToken, body },
      );
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('invalid-payload');
    }
    const pirates = await request<ErrorBody>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/invites`,
      { token: room.organizerToken, body: { name: 'P', role: 'viewer', party: 'pirates' } },
    );
    expect(pirates.body.error.message).toContain('pirates');
  });

  it('revokes an invite: the token stops working at once', async () => {
    const created = await invite(server.url, room.roomId, room.organizerToken, {
      name: 'Otto',
      role: 'observer',
    });
    const revoked = await request<{ member: { id: string; revokedAt: number } }>(
      server.url,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/${created.id}`,
      { token: room.organizerToken },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.member.revokedAt).toEqual(expect.any(Number));
    const after = await request<ErrorBody>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      {
        token: created.token,
      },
    );
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe('revoked');
  });

  it('answers 404 for an unknown invite and refuses to revoke the organizer itself', async () => {
    const unknown = await request<ErrorBody>(
      server.url,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/m-unknown`,
      { token: room.organizerToken },
    );
    expect(unknown.status).toBe(404);
    const me = await request<{ member: { id: string } }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/me`,
      { token: room.organizerToken },
    );
    const self = await request<ErrorBody>(
      server.url,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/${me.body.member.id}`,
      { token: room.organizerToken },
    );
    expect(self.status).toBe(400);
  });
});
