// Redis is never the truth: when it restarts in the middle of editing, edits are still stored
// and reach clients, nothing is lost, and delivery through the streams resumes within seconds.
import { afterEach, describe, expect, it } from 'vitest';
import { connectCollab, notesLog, startCluster } from './helpers';
import type { CollabClient, TestCluster } from './helpers';
import { content, docOf, notesRoomWith, until } from './cluster-helpers';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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

describe('a Redis restart in the middle of editing', () => {
  it('loses nothing, keeps serving, and delivery resumes within 5 s', async () => {
    const { servers, redis } = await cluster(2);
    const { room, tokens } = await notesRoomWith(servers[0]!.baseUrl, 2);
    const a = client(servers[0]!.collabUrl, room.roomId, room.organizerToken);
    const aToo = client(servers[0]!.collabUrl, room.roomId, tokens[1]!);
    const b = client(servers[1]!.collabUrl, room.roomId, tokens[0]!);
    await Promise.all([a.synced, aToo.synced, b.synced]);
    let i = 0;
    const typing = setInterval(() => {
      notesLog(a.doc).push([`a${i}`]);
      notesLog(b.doc).push([`b${i}`]);
      i++;
    }, 40);
    cleanups.push(() => clearInterval(typing));
    await until(() =>
      expect(
        notesLog(b.doc)
          .toArray()
          .filter((e) => e.startsWith('a')).length,
      ).toBeGreaterThan(20),
    );

    await redis.stop();
    const typedBefore = i;
    // Down: every edit is still stored and reaches the clients of the same instance at once.
    await until(() => {
      expect(i).toBeGreaterThan(typedBefore + 20);
      expect(notesLog(aToo.doc).toArray()).toContain(`a${typedBefore + 20}`);
    });
    await until(async () => {
      const stored = docOf(await servers[0]!.server.store.loadDoc(room.roomId));
      expect(notesLog(stored).toArray()).toContain(`b${typedBefore + 20}`);
    });

    await redis.start();
    const appliedBefore = servers[1]!.server.cluster!.stats().applied;
    // Back: delivery through the streams resumes within 5 s of Redis answering.
    notesLog(a.doc).push(['after-restart']);
    await until(() => expect(notesLog(b.doc).toArray()).toContain('after-restart'), {
      timeout: 5_000,
    });
    await until(
      () => expect(servers[1]!.server.cluster!.stats().applied).toBeGreaterThan(appliedBefore + 5),
      { timeout: 5_000 },
    );

    clearInterval(typing);
    // Nothing any client typed is missing anywhere.
    const typed = [
      ...Array.from({ length: i }, (_, k) => `a${k}`),
      ...Array.from({ length: i }, (_, k) => `b${k}`),
      'after-restart',
    ].sort();
    await until(() => {
      for (const c of [a, aToo, b]) expect([...notesLog(c.doc).toArray()].sort()).toEqual(typed);
      expect(content(a.doc)).toEqual(content(b.doc));
    });
    await until(async () => {
      const stored = docOf(await servers[1]!.server.store.loadDoc(room.roomId));
      expect([...notesLog(stored).toArray()].sort()).toEqual(typed);
    });
  });
});
