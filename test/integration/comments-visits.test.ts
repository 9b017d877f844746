// "Since your last visit" over Socket.IO: empty before a first visit ends, then what others wrote
// and changed while the member was away, and what it did to each party.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readParams, setClauseText, setParam } from '@parley/shared/room';
import type { CommentThread, SinceLastVisit } from '@parley/shared/comments';
import type { Ack } from '@parley/shared/protocol';
import {
  connectCollab,
  connectSocket,
  createRoom,
  emitWithAck,
  invite,
  seatParty,
  startServer,
} from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';

let server: StartedServer;
let roomId: string;
let organizerToken: string;
let bo: { token: string; id: string };
const open: { close(): void }[] = [];
const docs: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer();
  const room = await createRoom(server.url, { title: 'Coming back', template: 'mhealth' });
  roomId = room.roomId;
  organizerToken = room.organizerToken;
  const northwind = await seatParty(server.url, roomId, organizerToken, 'csp');
  bo = await invite(server.url, roomId, northwind, {
    name: 'Bo of Northwind',
    role: 'negotiator',
    party: 'csp',
  });
});

afterAll(async () => {
  for (const socket of open) socket.close();
  for (const client of docs) client.destroy();
  await server?.close();
});

async function socketFor(token: string): Promise<ParleyClientSocket> {
  const socket = await connectSocket(server.url, token);
  open.push(socket);
  return socket;
}

async function ok<T>(socket: ParleyClientSocket, event: string, payload: unknown): Promise<T> {
  const result: Ack<T> = await emitWithAck<T>(socket, event, payload);
  if (!result.ok) throw new Error(`${event}: ${JSON.stringify(result.error)}`);
  return result.data;
}

describe('since your last visit', () => {
  it('is empty before a first visit has ended', async () => {
    const socket = await socketFor(organizerToken);
    const summary = await ok<SinceLastVisit>(socket, 'visit:summary', {});
    expect(summary).toMatchObject({ since: null, newComments: [], clauseChanges: [] });
    socket.close();
  });

  it('shows what others wrote and changed while the member was away, and what it did to each party', async () => {
    // The organizer leaves: their visit is recorded when their last connection closes.
    const first = await socketFor(organizerToken);
    const organizerId = (await ok<{ self: { memberId: string } }>(first, 'room:state', {})).self
      .memberId;
    first.close();
    // Let the disconnect be recorded before anything changes.
    await vi.waitFor(async () => {
      expect(await server.server.store.getVisit(roomId, organizerId)).toBeDefined();
    });

    // Bo edits a price and the scope text through /collab, then comments and mentions them.
    const client = connectCollab(server.collabUrl, roomId, bo.token);
    docs.push(client);
    await client.synced;
    const params = readParams(client.doc, 'c-revenue') as { streams: { unitPrice: number }[] };
    setParam(
      client.doc,
      'c-revenue',
      ['streams', 0, 'unitPrice'],
      params.streams[0]!.unitPrice + 250,
    );
    setClauseText(client.doc, 'c-scope', 'Only **remote monitoring**, nothing else.');
    const boSocket = await socketFor(bo.token);
    await ok<CommentThread>(boSocket, 'comments:create', {
      anchor: { type: 'param', clauseId: 'c-revenue', param: 'streams.0.unitPrice' },
      visibility: 'room',
      body: `@[Olga](member:${organizerId}) I raised the price`,
    });
    await ok<CommentThread>(boSocket, 'comments:create', {
      anchor: { type: 'clause', clauseId: 'c-scope' },
      visibility: 'party',
      body: 'PRIVATE-TO-CSP narrowing on purpose',
    });

    const back = await socketFor(organizerToken);
    await vi.waitFor(
      async () => {
        const summary = await ok<SinceLastVisit>(back, 'visit:summary', {});
        expect(summary.since).not.toBeNull();
        expect(summary.newComments.map((c) => c.excerpt)).toEqual([`@Olga I raised the price`]);
        expect(summary.mentions).toHaveLength(1);
        const byClause = Object.fromEntries(summary.clauseChanges.map((c) => [c.clauseId, c]));
        expect(byClause['c-revenue']).toMatchObject({
          paramsChanged: true,
          changedParams: ['streams.0.unitPrice'],
          paramChanges: [
            {
              path: 'streams.0.unitPrice',
              before: params.streams[0]!.unitPrice,
              after: params.streams[0]!.unitPrice + 250,
            },
          ],
          changedBy: [{ memberId: bo.id, name: 'Bo of Northwind' }],
        });
        expect(byClause['c-scope']).toMatchObject({
          textChanged: true,
          paramsChanged: false,
          changedBy: [{ memberId: bo.id, name: 'Bo of Northwind' }],
        });
        expect(summary.valueEffect.length).toBeGreaterThan(0);
        for (const scenario of summary.valueEffect) {
          const gained = scenario.parties.reduce((s, p) => s + (p.allocationDelta ?? 0), 0);
          expect(gained).toBeGreaterThan(0);
        }
        expect(JSON.stringify(summary)).not.toContain('PRIVATE-TO-CSP');
      },
      { timeout: 10_000 },
    );

    // Marking the visit starts a new one: nothing is new any more.
    await ok(back, 'visit:mark', {});
    const fresh = await ok<SinceLastVisit>(back, 'visit:summary', {});
    expect(fresh).toMatchObject({
      newComments: [],
      mentions: [],
      clauseChanges: [],
      valueEffect: [],
    });
  });
});
