// Each role in a room with a member of every role: reading over REST, managing invites, joining
// over Socket.IO, and /collab writes stored for editors and refused for everyone else.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { roleIds } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import type { RoomStateSnapshot } from '@parley/shared/protocol';
import {
  connectCollab,
  connectSocket,
  emitWithAck,
  appoint,
  request,
  roomWithEveryRole,
  startServer,
} from './helpers';
import type { CollabClient, ParleyClientSocket, RoomWithMembers, StartedServer } from './helpers';

// The permission matrix of the README, as a user of each role meets it over REST, Socket.IO and /collab.
const writers: Role[] = ['organizer', 'negotiator', 'mediator'];
const inviteManagers: Role[] = ['organizer'];

let server: StartedServer;
let room: RoomWithMembers;
const sockets: ParleyClientSocket[] = [];
const docs: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer();
  room = await roomWithEveryRole(server.url, 'insurer');
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const client of docs.splice(0)) client.destroy();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await server?.close();
});

function collab(role: Role): CollabClient {
  const client = connectCollab(server.collabUrl, room.roomId, room.tokens[role]);
  docs.push(client);
  return client;
}

async function serverSheet(): Promise<{ title: string; clauses: { id: string; title: string }[] }> {
  const response = await request<{ title: string; clauses: { id: string; title: string }[] }>(
    server.url,
    'GET',
    `/api/rooms/${room.roomId}/termsheet`,
    { token: room.tokens.organizer },
  );
  return response.body;
}

async function serverTitle(): Promise<string> {
  return (await serverSheet()).title;
}

async function scopeTitle(): Promise<string | undefined> {
  return (await serverSheet()).clauses.find((c) => c.id === 'c-scope')?.title;
}

const scope = (client: CollabClient) =>
  client.doc.getMap('clauses').get('c-scope') as Y.Map<unknown>;

describe.each(roleIds)('%s', (role) => {
  it('reads the term sheet, the value and its own membership over REST', async () => {
    for (const path of ['termsheet', 'value', 'me']) {
      const response = await request(server.url, 'GET', `/api/rooms/${room.roomId}/${path}`, {
        token: room.tokens[role],
      });
      expect(response.status, path).toBe(200);
    }
  });

  it(`${inviteManagers.includes(role) ? 'manages' : 'may not manage'} invites`, async () => {
    const allowed = inviteManagers.includes(role);
    const list = await request(server.url, 'GET', `/api/rooms/${room.roomId}/invites`, {
      token: room.tokens[role],
    });
    expect(list.status).toBe(allowed ? 200 : 403);
    const created = await request<{ id: string }>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/invites`,
      { token: room.tokens[role], body: { name: 'Someone', role: 'observer' } },
    );
    expect(created.status).toBe(allowed ? 201 : 403);
    const target = await appoint(server.url, room.roomId, room.organizers, {
      name: 'Target',
      role: 'observer',
    });
    const revoked = await request(
      server.url,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/${target.id}`,
      { token: room.tokens[role] },
    );
    expect(revoked.status).toBe(allowed ? 200 : 403);
    if (!allowed) {
      const stillIn = await request(server.url, 'GET', `/api/rooms/${room.roomId}/me`, {
        token: target.token,
      });
      expect(stillIn.status).toBe(200);
    }
  });

  it('joins the room over Socket.IO, sees presence and shares its focus', async () => {
    const socket = await connectSocket(server.url, room.tokens[role]);
    sockets.push(socket);
    const state = await emitWithAck<RoomStateSnapshot>(socket, 'room:state', {});
    expect(state.ok).toBe(true);
    if (state.ok) expect(state.data.self.role).toBe(role);
    expect(await emitWithAck(socket, 'presence:focus', { clauseId: 'c-1' })).toEqual({
      ok: true,
      data: null,
    });
  });

  it('syncs the document over /collab', async () => {
    const client = collab(role);
    await client.synced;
    expect(client.doc.getMap('meta').get('title')).toBe(await serverTitle());
  });

  if (writers.includes(role)) {
    it('edits the document over /collab: stored and relayed', async () => {
      const writer = collab(role);
      const reader = collab('observer');
      await Promise.all([writer.synced, reader.synced]);
      const title = `Scope, edited by the ${role}`;
      scope(writer).set('title', title);
      await vi.waitFor(() => expect(scope(reader).get('title')).toBe(title));
      expect(await scopeTitle()).toBe(title);
    });

    const headerEditor = role === 'organizer';
    it(`${headerEditor ? 'may' : 'may not'} change the sheet's header over /collab`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const writer = collab(role);
      await writer.synced;
      const before = await serverTitle();
      const title = `Header by the ${role}`;
      writer.doc.getMap('meta').set('title', title);
      if (headerEditor) {
        await vi.waitFor(async () => expect(await serverTitle()).toBe(title));
        return;
      }
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('header-organizer-only')),
      );
      expect(await serverTitle()).toBe(before);
    });
  } else {
    it('may not edit the document over /collab: the write is refused and never stored', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const before = await serverTitle();
      const client = collab(role);
      await client.synced;
      client.doc.getMap('meta').set('title', `Hijacked by the ${role}`);
      // The server says so once, through the y-websocket auth message.
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('Permission denied')),
      );
      expect(await serverTitle()).toBe(before);
      const fresh = collab('organizer');
      await fresh.synced;
      expect(fresh.doc.getMap('meta').get('title')).toBe(before);
      expect(client.provider.wsconnected).toBe(true);
    });
  }
});
