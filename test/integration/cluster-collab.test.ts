// Three instances on one PostgreSQL database and one Redis, clients of one room spread over them
// as a load balancer without sticky sessions spreads them: every edit reaches every client, the
// store holds the same document, and an instance that joins late serves the whole of it.
import { afterEach, describe, expect, it } from 'vitest';
import { connectCollab, notesLog, notesText, request, startCluster } from './helpers';
import type { CollabClient, TestCluster } from './helpers';
import { content, docOf, mulberry32, notesRoomWith, until } from './cluster-helpers';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Each y-websocket provider adds a process 'exit' listener; twenty of them are expected here.
process.setMaxListeners(100);

async function cluster(instances: number): Promise<TestCluster> {
  const started = await startCluster({ instances });
  cleanups.push(() => started.close());
  return started;
}

function client(collabUrl: string, roomId: string, token: string): CollabClient {
  const c = connectCollab(collabUrl, roomId, token);
  cleanups.push(() => c.destroy());
  return c;
}

describe('one room served by three instances', () => {
  it('converges 20 clients spread over the instances, random edits included, with the store', async () => {
    const { servers } = await cluster(3);
    const { room, tokens } = await notesRoomWith(servers[0]!.baseUrl, 19);
    const all = [room.organizerToken, ...tokens];
    const clients = all.map((token, i) =>
      client(servers[i % servers.length]!.collabUrl, room.roomId, token),
    );
    await Promise.all(clients.map((c) => c.synced));
    const random = mulberry32(12);
    for (let round = 0; round < 6; round++) {
      for (const [i, c] of clients.entries()) {
        const text = notesText(c.doc);
        if (random() < 0.2 && text.length > 10) {
          text.delete(Math.floor(random() * (text.length - 3)), 2);
        } else {
          text.insert(Math.floor(random() * (text.length + 1)), `${i}.${round} `);
        }
        notesLog(c.doc).push([`${i}-${round}`]);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await until(() => {
      const expected = content(clients[0]!.doc);
      for (const c of clients) expect(content(c.doc)).toEqual(expected);
      expect(notesLog(clients[0]!.doc).length).toBe(20 * 6);
    });
    const final = content(clients[0]!.doc);
    // The edits travelled on the Redis streams, not only through the store's poll.
    for (const server of servers) expect(server.server.cluster!.stats().applied).toBeGreaterThan(0);
    // Every instance's copy and the store agree with the clients.
    for (const server of servers) {
      await until(async () =>
        expect(content(await server.server.rooms.getDoc(room.roomId))).toEqual(final),
      );
    }
    await until(async () =>
      expect(content(docOf(await servers[0]!.server.store.loadDoc(room.roomId)))).toEqual(final),
    );
  });

  it('serves a late instance everything stored before it started, and what comes after', async () => {
    const started = await cluster(2);
    const { room, tokens } = await notesRoomWith(started.servers[0]!.baseUrl, 1);
    const a = client(started.servers[0]!.collabUrl, room.roomId, room.organizerToken);
    await a.synced;
    for (let i = 0; i < 30; i++) notesLog(a.doc).push([`early-${i}`]);
    await until(async () => {
      const stored = docOf(await started.servers[0]!.server.store.loadDoc(room.roomId));
      expect(notesLog(stored).length).toBe(30);
    });
    const late = await started.addServer();
    const b = client(late.collabUrl, room.roomId, tokens[0]!);
    await b.synced;
    expect(notesLog(b.doc).length).toBe(30);
    notesLog(a.doc).push(['from-a']);
    notesLog(b.doc).push(['from-b']);
    await until(() => {
      expect(notesLog(a.doc).toArray()).toContain('from-b');
      expect(notesLog(b.doc).toArray()).toContain('from-a');
      expect(content(a.doc)).toEqual(content(b.doc));
    });
  });

  it('shows a client’s presence (awareness) to clients of other instances, until it leaves', async () => {
    const { servers } = await cluster(2);
    const { room, tokens } = await notesRoomWith(servers[0]!.baseUrl, 1);
    const a = client(servers[0]!.collabUrl, room.roomId, room.organizerToken);
    const b = client(servers[1]!.collabUrl, room.roomId, tokens[0]!);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('cursor', { clause: 'c-notes' });
    b.provider.awareness.setLocalStateField('cursor', { clause: 'c-term' });
    await until(() => {
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({
        cursor: { clause: 'c-notes' },
      });
      expect(a.provider.awareness.getStates().get(b.doc.clientID)).toMatchObject({
        cursor: { clause: 'c-term' },
      });
    });
    a.destroy();
    await until(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it('is ready while the store and Redis answer, and says which one does not', async () => {
    const started = await cluster(1);
    const server = started.servers[0]!;
    expect((await request(server.baseUrl, 'GET', '/readyz')).status).toBe(200);
    await started.redis.stop();
    await until(async () => {
      const answer = await request<{ error: { code: string; message: string } }>(
        server.baseUrl,
        'GET',
        '/readyz',
      );
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('not-ready');
      expect(answer.body.error.message).toContain('Redis');
    });
    expect((await request(server.baseUrl, 'GET', '/healthz')).status).toBe(200);
    await started.redis.start();
    await until(async () =>
      expect((await request(server.baseUrl, 'GET', '/readyz')).status).toBe(200),
    );
  });
});
