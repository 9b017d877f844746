import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActivityChanged } from '@parley/shared/protocol';
import { activityChangedSchema } from '@parley/shared/protocol';
import { getClauseBody, setParam } from '@parley/shared/room';
import type * as Y from 'yjs';
import {
  collect,
  connectCollab,
  connectSocket,
  createRoom,
  invite,
  seatParties,
  startServer,
} from './helpers';
import type { CollabClient, ParleyClientSocket, StartedServer } from './helpers';

let server: StartedServer;
let roomId: string;
let ada: CollabClient;
let ben: { socket: ParleyClientSocket; events: ActivityChanged[] };

beforeAll(async () => {
  server = await startServer();
  const room = await createRoom(server.url, { title: 'Connected car', template: 'telematics' });
  roomId = room.roomId;
  const organizers = await seatParties(server.url, roomId, room.organizerToken);
  const adaInvite = await invite(server.url, roomId, organizers.csp!, {
    name: 'Ada Kestrel',
    role: 'negotiator',
    party: 'csp',
  });
  const benInvite = await invite(server.url, roomId, organizers.insurer!, {
    name: 'Ben Aldermoor',
    role: 'negotiator',
    party: 'insurer',
  });
  // Ada writes with a stock y-websocket client and no Socket.IO session at all.
  ada = connectCollab(server.collabUrl, roomId, adaInvite.token);
  await ada.synced;
  const benSocket = await connectSocket(server.url, benInvite.token);
  ben = { socket: benSocket, events: collect(benSocket, 'activity:changed') };
});

afterAll(async () => {
  ada?.destroy();
  ben?.socket.close();
  await server?.close();
});

describe('activity: who changed what', () => {
  it("tells the others that Ada moved a share, from what to what, in the event's schema", async () => {
    setParam(ada.doc, 'c-sharing', ['fixed', 'csp'], 45);
    await vi.waitFor(() => expect(ben.events).toHaveLength(1), { timeout: 5000 });
    const event = ben.events[0]!;
    expect(activityChangedSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      name: 'Ada Kestrel',
      partyId: 'csp',
      clauseIds: ['c-sharing'],
      params: [{ clauseId: 'c-sharing', path: 'fixed.csp', old: 30, new: 45 }],
      truncated: false,
    });
  });

  it('names the clause for text typing without listing parameters', async () => {
    const body = getClauseBody(ada.doc, 'c-term')!;
    const paragraph = body.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Draft: ');
    await vi.waitFor(() => expect(ben.events).toHaveLength(2), { timeout: 5000 });
    expect(ben.events[1]).toMatchObject({ clauseIds: ['c-term'], params: [] });
  });
});
