// The store is the truth with several instances too: kill -9 of one instance loses no edit any
// client has seen, and two instances compacting the same room at the same time lose nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { connectCollab, notesLog, startCluster } from './helpers';
import type { CollabClient, TestCluster } from './helpers';
import { content, docOf, notesRoomWith, until } from './cluster-helpers';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

process.setMaxListeners(100);

function client(collabUrl: string, roomId: string, token: string): CollabClient {
  const c = connectCollab(collabUrl, roomId, token);
  cleanups.push(() => c.destroy());
  return c;
}

describe('one instance killed with -9', () => {
  it('loses no edit any client saw, on either instance', async () => {
    const cluster: TestCluster = await startCluster({ instances: 1 });
    cleanups.push(() => cluster.close());
    const survivor = cluster.servers[0]!;
    const doomed = await cluster.spawn();
    const { room, tokens } = await notesRoomWith(survivor.baseUrl, 2);
    const a = client(survivor.collabUrl, room.roomId, room.organizerToken);
    const b = client(doomed.collabUrl, room.roomId, tokens[0]!);
    await Promise.all([a.synced, b.synced]);
    let i = 0;
    const typing = setInterval(() => {
      notesLog(a.doc).push([`a${i}`]);
      notesLog(b.doc).push([`b${i}`]);
      i++;
    }, 15);
    cleanups.push(() => clearInterval(typing));
    await until(() => {
      expect(
        notesLog(a.doc)
          .toArray()
          .filter((e) => e.startsWith('b')).length,
      ).toBeGreaterThan(30);
      expect(
        notesLog(b.doc)
          .toArray()
          .filter((e) => e.startsWith('a')).length,
      ).toBeGreaterThan(30);
    });
    doomed.kill('SIGKILL');
    await doomed.exited;
    clearInterval(typing);
    // What each client had received from the other side when the instance died.
    const aSawFromB = notesLog(a.doc)
      .toArray()
      .filter((e) => e.startsWith('b'));
    const bSawFromA = notesLog(b.doc)
      .toArray()
      .filter((e) => e.startsWith('a'));
    b.destroy();

    // The survivor's copy, its store and a fresh client all hold every one of them.
    const stored = new Set(
      notesLog(docOf(await survivor.server.store.loadDoc(room.roomId))).toArray(),
    );
    expect(aSawFromB.filter((e) => !stored.has(e))).toEqual([]);
    expect(bSawFromA.filter((e) => !stored.has(e))).toEqual([]);
    const fresh = client(survivor.collabUrl, room.roomId, tokens[1]!);
    await fresh.synced;
    const seen = new Set(notesLog(fresh.doc).toArray());
    expect(aSawFromB.filter((e) => !seen.has(e))).toEqual([]);
    expect(bSawFromA.filter((e) => !seen.has(e))).toEqual([]);
    // The killed instance's client comes back through the survivor and converges.
    const back = client(survivor.collabUrl, room.roomId, tokens[0]!);
    await back.synced;
    await until(() => expect(content(back.doc)).toEqual(content(a.doc)));
  });
});

describe('two instances compacting the same room', () => {
  it('lose no update, whichever compaction commits first', async () => {
    const cluster = await startCluster({
      instances: 2,
      roomLimits: { compactThreshold: 8, idleUnloadMs: 60_000 },
    });
    cleanups.push(() => cluster.close());
    // Each compaction waits a little before it runs, so that the two overlap.
    const compactions = [0, 0];
    for (const [index, server] of cluster.servers.entries()) {
      const store = server.server.store;
      const compact = store.compact.bind(store);
      store.compact = async (roomId, snapshot, upToSeq) => {
        compactions[index]! += 1;
        await new Promise((resolve) => setTimeout(resolve, 15));
        return compact(roomId, snapshot, upToSeq);
      };
    }
    const { room, tokens } = await notesRoomWith(cluster.servers[0]!.baseUrl, 3);
    const clients = [room.organizerToken, ...tokens].map((token, k) =>
      client(cluster.servers[k % 2]!.collabUrl, room.roomId, token),
    );
    await Promise.all(clients.map((c) => c.synced));
    for (let round = 0; round < 25; round++) {
      for (const [k, c] of clients.entries()) notesLog(c.doc).push([`${k}-${round}`]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const typed = clients
      .flatMap((_, k) => Array.from({ length: 25 }, (__, r) => `${k}-${r}`))
      .sort();
    await until(() => {
      for (const c of clients) expect([...notesLog(c.doc).toArray()].sort()).toEqual(typed);
    });
    await until(async () => {
      const load = await cluster.servers[0]!.server.store.loadDoc(room.roomId);
      expect(load.snapshotSeq).toBeGreaterThan(0);
      expect([...notesLog(docOf(load)).toArray()].sort()).toEqual(typed);
    });
    expect(compactions[0]).toBeGreaterThan(0);
    expect(compactions[1]).toBeGreaterThan(0);
    // Both unload (compacting what is left) and a fresh instance loads the whole document.
    for (const c of clients) c.destroy();
    await Promise.all(cluster.servers.map((server) => server.server.rooms.close()));
    const load = await cluster.servers[0]!.server.store.loadDoc(room.roomId);
    expect([...notesLog(docOf(load)).toArray()].sort()).toEqual(typed);
    const late = await cluster.addServer();
    const reader = client(late.collabUrl, room.roomId, room.organizerToken);
    await reader.synced;
    expect([...notesLog(reader.doc).toArray()].sort()).toEqual(typed);
  });
});
