// Socket.IO: handshake refusals, presence and focus, bad or oversized payloads that affect only
// their sender, revocation on both endpoints, and the save status clients show.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, isSavedUpTo } from '@parley/shared/protocol';
import type { PresenceState, RoomStateSnapshot, SaveStatus } from '@parley/shared/protocol';
import {
  collect,
  connectCollab,
  connectSocket,
  createRoom,
  emitWithAck,
  invite,
  seatParty,
  request,
  startServer,
} from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';

let server: StartedServer;
let room: { roomId: string; organizerToken: string };
const open: { close(): void }[] = [];
const docs: CollabClient[] = [];

async function socketFor(token: string | undefined, options = {}): Promise<ParleyClientSocket> {
  const socket = await connectSocket(server.url, token, options);
  open.push(socket);
  return socket;
}

beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server.url, { title: 'Socket.IO', template: 'mhealth' });
});

afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
  for (const client of docs.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

async function refusal(
  token: string | undefined,
  options = {},
): Promise<{ code?: string; message: string }> {
  try {
    await socketFor(token, options);
  } catch (error) {
    const err = error as Error & { data?: { code?: string } };
    return { code: err.data?.code, message: err.message };
  }
  throw new Error('the connection was accepted');
}

describe('Socket.IO handshake', () => {
  it('refuses a missing, bad or foreign-room token and an unknown room', async () => {
    expect((await refusal(undefined)).code).toBe('unauthorized');
    expect((await refusal('nonsense')).code).toBe('unauthorized');
    expect((await refusal(room.organizerToken, { roomId: 'no-such-room' })).code).toBe(
      'room-not-found',
    );
    const other = await createRoom(server.url);
    expect((await refusal(other.organizerToken, { roomId: room.roomId })).code).toBe('forbidden');
  });

  it('refuses a page from another origin', async () => {
    const refused = await refusal(room.organizerToken, {
      extraHeaders: { origin: 'https://evil.example.com' },
    });
    expect(refused.message).toMatch(/forbidden|origin|websocket error/i);
    const sameOrigin = await socketFor(room.organizerToken, {
      extraHeaders: { origin: server.url },
    });
    expect(sameOrigin.connected).toBe(true);
  });
});

describe('presence', () => {
  it('shows who is here, with name, party, role and colour, and who left', async () => {
    // The device maker's organizer, seated by the creator, invites its negotiator.
    const device = await seatParty(server.url, room.roomId, room.organizerToken, 'device');
    const nina = await invite(server.url, room.roomId, device, {
      name: 'Nina',
      role: 'negotiator',
      party: 'device',
    });
    const organizer = await socketFor(room.organizerToken);
    const seen = collect(organizer, 'presence:state');
    const negotiator = await socketFor(nina.token);
    await vi.waitFor(() => {
      const last = seen.at(-1);
      expect(last?.entries.map((e) => e.name).sort()).toEqual(['Nina', 'Organizer']);
    });
    const ninaEntry = seen.at(-1)?.entries.find((e) => e.name === 'Nina');
    expect(ninaEntry).toMatchObject({ role: 'negotiator', partyId: 'device', focus: null });
    expect(ninaEntry?.color).toMatch(/^#[0-9a-f]{6}$/);

    negotiator.close();
    await vi.waitFor(() => {
      expect(seen.at(-1)?.entries.map((e) => e.name)).toEqual(['Organizer']);
    });
  });

  it('shares the clause in focus after a validated presence:focus', async () => {
    const a = await socketFor(room.organizerToken);
    const b = await socketFor(room.organizerToken);
    const seenByB = collect(b, 'presence:state');
    const ack = await emitWithAck(a, 'presence:focus', { clauseId: 'c-rev' });
    expect(ack).toEqual({ ok: true, data: null });
    await vi.waitFor(() => {
      const entry = seenByB.at(-1)?.entries.find((e) => e.connectionId === a.id);
      expect(entry?.focus).toBe('c-rev');
    });
    expect(await emitWithAck(a, 'presence:focus', { clauseId: null })).toEqual({
      ok: true,
      data: null,
    });
  });

  it('answers room:state with the caller, who is here and what is stored', async () => {
    const socket = await socketFor(room.organizerToken);
    const ack = await emitWithAck<RoomStateSnapshot>(socket, 'room:state', {});
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.self).toMatchObject({ connectionId: socket.id, role: 'organizer' });
    expect(ack.data.presence.entries.map((e) => e.connectionId)).toContain(socket.id);
    expect(ack.data.saved?.roomId).toBe(room.roomId);
  });
});

describe('invalid payloads', () => {
  it('get an error ack, and the process and the other clients carry on', async () => {
    const bystander = await socketFor(room.organizerToken);
    const presence: PresenceState[] = collect(bystander, 'presence:state');
    const sender = await socketFor(room.organizerToken);
    for (const payload of [
      undefined,
      null,
      42,
      'c-rev',
      {},
      { clauseId: 7 },
      { clauseId: '' },
      { clauseId: 'x'.repeat(1000) },
      { clauseId: 'c-rev', extra: true },
      [{ clauseId: 'c-rev' }],
    ]) {
      const ack = await emitWithAck(sender, 'presence:focus', payload);
      expect(ack.ok, JSON.stringify(payload)).toBe(false);
      if (!ack.ok) expect(ack.error.code).toBe('invalid-payload');
    }
    const untyped = sender.timeout(5000) as unknown as {
      emitWithAck(event: string): Promise<{ ok: boolean; error?: { code: string } }>;
    };
    // An ack with no payload at all is still answered.
    expect(await untyped.emitWithAck('presence:focus')).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await untyped.emitWithAck('room:state')).toMatchObject({ ok: true });
    expect(await emitWithAck(sender, 'room:state', { everything: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    const unknown = await emitWithAck(sender, 'room:delete', { everything: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-event' } });
    // Without an ack there is nobody to answer; the server must simply not fall over.
    (sender as unknown as { emit(event: string, payload: unknown): void }).emit('presence:focus', {
      clauseId: 12,
    });
    expect(sender.connected).toBe(true);
    expect(bystander.connected).toBe(true);
    expect((await emitWithAck(bystander, 'presence:focus', { clauseId: 'c-ok' })).ok).toBe(true);
    await vi.waitFor(() => {
      expect(presence.at(-1)?.entries.find((e) => e.connectionId === bystander.id)?.focus).toBe(
        'c-ok',
      );
    });
    expect((await request(server.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('drops a client whose message is over the size limit, and only that client', async () => {
    const bystander = await socketFor(room.organizerToken);
    const sender = await socketFor(room.organizerToken);
    const disconnected = new Promise<string>((resolve) => sender.on('disconnect', resolve));
    sender.emit('presence:focus', { clauseId: 'x'.repeat(400 * 1024) }, () => undefined);
    expect(await disconnected).toMatch(/transport (close|error)/);
    expect(bystander.connected).toBe(true);
    expect((await emitWithAck(bystander, 'presence:focus', { clauseId: 'c-1' })).ok).toBe(true);
  });
});

describe('revocation', () => {
  it('disconnects the member at once on both endpoints and refuses their next handshake', async () => {
    const guest = await invite(server.url, room.roomId, room.organizerToken, {
      name: 'Gus',
      role: 'viewer',
      party: 'insurer',
    });
    const socket = await socketFor(guest.token);
    const ended = collect(socket, 'session:ended');
    const live = connectCollab(server.collabUrl, room.roomId, guest.token);
    docs.push(live);
    await live.synced;
    const disconnected = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    const revoked = await request(
      server.url,
      'DELETE',
      `/api/rooms/${room.roomId}/invites/${guest.id}`,
      {
        token: room.organizerToken,
      },
    );
    expect(revoked.status).toBe(200);
    await disconnected;
    expect(ended).toEqual([expect.objectContaining({ code: 'revoked' })]);
    // Both websocket endpoints end the member's connections at once.
    await vi.waitFor(() => expect(live.closes.map((c) => c.code)).toContain(closeCodes.revoked));
    expect((await refusal(guest.token)).code).toBe('revoked');
  });
});

describe('save status', () => {
  it('tells the room what is durably stored, so a client can see its edits saved', async () => {
    const socket = await socketFor(room.organizerToken);
    const statuses: SaveStatus[] = collect(socket, 'save:status');
    const editor = connectCollab(server.collabUrl, room.roomId, room.organizerToken);
    docs.push(editor);
    await editor.synced;
    editor.doc.getMap('meta').set('title', 'Saved title');
    const localClock = Y.getState(editor.doc.store, editor.doc.clientID);
    expect(localClock).toBeGreaterThan(0);
    await vi.waitFor(() => {
      const last = statuses.at(-1);
      expect(last && isSavedUpTo(last, editor.doc.clientID, localClock)).toBe(true);
    });
    const state = await emitWithAck<RoomStateSnapshot>(socket, 'room:state', {});
    expect(state.ok && isSavedUpTo(state.data.saved!, editor.doc.clientID, localClock)).toBe(true);
  });
});
