import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Appointment, AppointmentListResult } from '@parley/shared/protocol';
import {
  collect,
  connectCollab,
  connectSocket,
  consent,
  createRoom,
  emitWithAck,
  invite,
  request,
  startServer,
} from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';
import { twoPartySheet } from './proposals-fixture';

// A mediator or observer is let in only with the consent of every party, and put out the moment
// one party withdraws it. The room's creator speaks for "partner" (the lead); "csp" is the other.

type ErrorBody = { error: { code: string; message: string } };

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

/** What a member gets of the room, on every entry point: all refused with `code`, or all open. */
async function expectShutOut(roomId: string, token: string, code: string): Promise<void> {
  for (const path of ['me', 'termsheet', 'value', 'comments', 'caucus?partyId=csp', 'mediation']) {
    const answer = await request<ErrorBody>(server.url, 'GET', `/api/rooms/${roomId}/${path}`, {
      token,
    });
    expect({ path, status: answer.status, code: answer.body.error?.code }).toEqual({
      path,
      status: 403,
      code,
    });
  }
  expect(await upgradeRefusal(roomId, token)).toEqual({ status: 403, code });
  expect(await handshakeRefusal(token)).toBe(code);
}

/** A two-party room with each party's organizer, and a mediator the partner proposed and who joined. */
async function roomWithProposedMediator() {
  const room = await createRoom(server.url, { title: 'Consent', termsheet: twoPartySheet });
  const csp = await invite(server.url, room.roomId, room.organizerToken, {
    name: 'Carla CSP',
    role: 'organizer',
    party: 'csp',
  });
  const cspNegotiator = await invite(server.url, room.roomId, csp.token, {
    name: 'Nils',
    role: 'negotiator',
    party: 'csp',
  });
  const cspSocket = await socketOf(csp.token);
  const proposals = collect(cspSocket, 'consent:changed');
  const mediator = await invite(server.url, room.roomId, room.organizerToken, {
    name: 'Mo Mediator',
    role: 'mediator',
  });
  return {
    roomId: room.roomId,
    partner: room.organizerToken,
    csp,
    cspNegotiator,
    cspSocket,
    proposals,
    mediator,
  };
}

describe('appointing a mediator', () => {
  it('gives a mediator nothing of the room until every party consented, then everything', async () => {
    const room = await roomWithProposedMediator();
    // csp sees the proposal at once: the partner consented by proposing, csp has not spoken.
    await until(() =>
      expect(room.proposals.at(-1)).toMatchObject<Partial<Appointment>>({
        memberId: room.mediator.id,
        role: 'mediator',
        state: 'pending',
        parties: [
          expect.objectContaining({ partyId: 'csp', decision: null }),
          expect.objectContaining({ partyId: 'partner', decision: 'accept' }),
        ],
      }),
    );
    const listed = await emitWithAck<AppointmentListResult>(room.cspSocket, 'consent:list', {});
    expect(listed.ok && listed.data.appointments.map((a) => a.memberId)).toEqual([
      room.mediator.id,
    ]);

    // The mediator minted by the partner alone gets nothing: no document, no socket, no REST.
    await expectShutOut(room.roomId, room.mediator.token, 'consent-pending');

    const accepted = await emitWithAck<{ appointment: Appointment }>(
      room.cspSocket,
      'consent:decide',
      { memberId: room.mediator.id, decision: 'accept' },
    );
    expect(accepted.ok && accepted.data.appointment.state).toBe('granted');

    const doc = collab(room.roomId, room.mediator.token);
    await doc.synced;
    expect(doc.doc.getMap('meta').get('title')).toBe('Consent');
    await socketOf(room.mediator.token);
    const caucus = await request(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/caucus?partyId=csp`,
      {
        token: room.mediator.token,
      },
    );
    expect(caucus.status).toBe(200);
  });

  it('leaves facilitation with the organizer until the parties let the mediator in', async () => {
    const room = await roomWithProposedMediator();
    const organizer = await socketOf(room.partner);
    const lock = () => emitWithAck(organizer, 'mediation:lock', { clauseId: 'c-scope' });
    const unlock = () => emitWithAck(organizer, 'mediation:unlock', { clauseId: 'c-scope' });
    // Proposed but not consented to: the organizer still holds locks, agenda and the pen.
    expect((await lock()).ok).toBe(true);
    expect((await unlock()).ok).toBe(true);
    const accepted = await emitWithAck(room.cspSocket, 'consent:decide', {
      memberId: room.mediator.id,
      decision: 'accept',
    });
    expect(accepted.ok).toBe(true);
    const refused = await lock();
    expect(!refused.ok && refused.error.message).toContain('only the mediator');
  });

  it('puts the mediator out everywhere the moment one party withdraws, and back in when it consents again', async () => {
    const room = await roomWithProposedMediator();
    expect((await consent(server.url, room.roomId, room.csp.token, room.mediator.id)).status).toBe(
      200,
    );
    const doc = collab(room.roomId, room.mediator.token);
    await doc.synced;
    const socket = await socketOf(room.mediator.token);
    const ended = collect(socket, 'session:ended');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const withdrawn = await consent(
      server.url,
      room.roomId,
      room.csp.token,
      room.mediator.id,
      'decline',
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.appointment.state).toBe('declined');
    await until(() => expect(doc.closes.map((c) => c.code)).toContain(4403));
    await until(() => expect(ended.map((e) => e.code)).toEqual(['consent-withdrawn']));
    expect(await disconnected).toBe('io server disconnect');
    await expectShutOut(room.roomId, room.mediator.token, 'consent-declined');

    // The audit log says who withdrew, for which party.
    const audit = await request<{ entries: { action: string; details: unknown }[] }>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/audit`,
      { token: room.partner },
    );
    expect(audit.body.entries.map((e) => e.action)).toContain('consent.withdrawn');

    await consent(server.url, room.roomId, room.csp.token, room.mediator.id, 'accept');
    const back = collab(room.roomId, room.mediator.token);
    await back.synced;
  });

  it('lets only a party organizer decide, and only for its own party', async () => {
    const room = await roomWithProposedMediator();
    const byNegotiator = await consent(
      server.url,
      room.roomId,
      room.cspNegotiator.token,
      room.mediator.id,
    );
    expect(byNegotiator.status).toBe(403);
    // A negotiator cannot propose either; an appointment that does not exist answers 404.
    const proposed = await request<ErrorBody>(
      server.url,
      'POST',
      `/api/rooms/${room.roomId}/invites`,
      {
        token: room.cspNegotiator.token,
        body: { name: 'Puppet', role: 'mediator' },
      },
    );
    expect(proposed.status).toBe(403);
    const unknown = await consent(server.url, room.roomId, room.csp.token, room.cspNegotiator.id);
    expect(unknown.status).toBe(404);
    const bad = await request<ErrorBody>(
      server.url,
      'PUT',
      `/api/rooms/${room.roomId}/appointments/${room.mediator.id}/consent`,
      { token: room.csp.token, body: { decision: 'maybe' } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-payload');
    // The partner's own decision never stands for csp.
    const list = await request<AppointmentListResult>(
      server.url,
      'GET',
      `/api/rooms/${room.roomId}/appointments`,
      { token: room.partner },
    );
    expect(list.body.appointments[0]?.state).toBe('pending');
  });

  it('needs a party added to the sheet later, and never loses a party taken off it', async () => {
    const room = await roomWithProposedMediator();
    await consent(server.url, room.roomId, room.csp.token, room.mediator.id);
    const mediatorDoc = collab(room.roomId, room.mediator.token);
    await mediatorDoc.synced;

    // The partner's organizer adds a third party to the sheet.
    const editor = collab(room.roomId, room.partner);
    await editor.synced;
    const parties = editor.doc.getMap('meta').get('parties') as Y.Array<Y.Map<unknown>>;
    const added = new Y.Map<unknown>();
    editor.doc.transact(() => {
      added.set('id', 'device');
      added.set('name', 'Device maker');
      added.set('role', 'device');
      parties.push([added]);
    });
    await until(() => expect(mediatorDoc.closes.map((c) => c.code)).toContain(4403));
    await expectShutOut(room.roomId, room.mediator.token, 'consent-pending');

    // The new party is seated by the creator and consents: the mediator is back.
    const device = await invite(server.url, room.roomId, room.partner, {
      name: 'Dev Device',
      role: 'organizer',
      party: 'device',
    });
    await consent(server.url, room.roomId, device.token, room.mediator.id);
    await collab(room.roomId, room.mediator.token).synced;

    // csp withdraws, then the partner takes csp off the sheet (and out of the split, which the
    // sheet's rules require) to let its mediator in regardless.
    await consent(server.url, room.roomId, room.csp.token, room.mediator.id, 'decline');
    editor.doc.transact(() => {
      const index = parties.toArray().findIndex((p) => p.get('id') === 'csp');
      parties.delete(index, 1);
      const share = editor.doc.getMap('clauses').get('c-share') as Y.Map<unknown>;
      const fixed = (share.get('params') as Y.Map<unknown>).get('fixed') as Y.Map<number>;
      fixed.delete('csp');
      fixed.set('partner', 100);
    });
    await until(async () => {
      const list = await request<AppointmentListResult>(
        server.url,
        'GET',
        `/api/rooms/${room.roomId}/appointments`,
        { token: room.partner },
      );
      expect(list.body.appointments[0]?.parties.map((p) => p.partyId)).toEqual([
        'partner',
        'device',
        'csp',
      ]);
    });
    await expectShutOut(room.roomId, room.mediator.token, 'consent-declined');
  });

  it('appoints an observer the same way', async () => {
    const room = await roomWithProposedMediator();
    const observer = await invite(server.url, room.roomId, room.csp.token, {
      name: 'Obi Observer',
      role: 'observer',
    });
    await expectShutOut(room.roomId, observer.token, 'consent-pending');
    await consent(server.url, room.roomId, room.partner, observer.id);
    await collab(room.roomId, observer.token).synced;
    // Admitted, the observer still addresses no one and learns no party's roster.
    const socket = await socketOf(observer.token);
    const candidates = await emitWithAck<{ members: unknown[] }>(socket, 'comments:members', {});
    expect(candidates).toEqual({ ok: true, data: { members: [] } });
  });
});
