// The server process: SIGTERM closes every connection, keeps every relayed edit and exits 0, and a
// taken port stops it with a clear message.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectCollab,
  connectSocket,
  createRoom,
  request,
  runServerProcess,
  spawnServer,
  tempDataDir,
} from './helpers';
import type { CollabClient, SpawnedServer } from './helpers';

const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(server: SpawnedServer): SpawnedServer {
  cleanups.push(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.kill('SIGKILL');
      await server.exited;
    }
  });
  return server;
}

function trackDoc(client: CollabClient): CollabClient {
  cleanups.push(() => client.destroy());
  return client;
}

describe('process lifecycle', () => {
  it('on SIGTERM closes every connection, keeps every relayed edit and exits 0', async () => {
    const dataDir = tempDataDir('parley-lifecycle-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = track(await spawnServer({ dataDir }));
    const room = await createRoom(first.url, { title: 'Durable', template: 'mhealth' });

    const socket = await connectSocket(first.url, room.organizerToken);
    cleanups.push(() => void socket.close());
    const socketClosed = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    const writer = trackDoc(connectCollab(first.collabUrl, room.roomId, room.organizerToken));
    const reader = trackDoc(connectCollab(first.collabUrl, room.roomId, room.organizerToken));
    await Promise.all([writer.synced, reader.synced]);
    const meta = writer.doc.getMap('meta');
    for (let i = 1; i <= 20; i++) meta.set('title', `Durable, revision ${i}`);
    // What the reader has seen was stored first; SIGTERM right after must keep it.
    await vi.waitFor(() =>
      expect(reader.doc.getMap('meta').get('title')).toBe('Durable, revision 20'),
    );
    writer.provider.shouldConnect = false;
    reader.provider.shouldConnect = false;

    const { code, signal } = await first.stop();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    await socketClosed;
    expect(first.output().stdout).toContain('Parley stopped');

    const second = track(await spawnServer({ dataDir }));
    const termsheet = await request<{ title: string }>(
      second.url,
      'GET',
      `/api/rooms/${room.roomId}/termsheet`,
      { token: room.organizerToken },
    );
    expect(termsheet.status).toBe(200);
    expect(termsheet.body.title).toBe('Durable, revision 20');
    expect((await second.stop()).code).toBe(0);
  });

  it('refuses to start on a port that is taken, with a clear message', async () => {
    const first = track(await spawnServer());
    cleanups.push(() => rmSync(first.dataDir, { recursive: true, force: true }));
    const dataDir = tempDataDir('parley-lifecycle-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const second = runServerProcess({ DATA_DIR: dataDir, PORT: String(first.port) });
    expect((await second.exited).code).toBe(1);
    expect(second.output().stderr).toContain('EADDRINUSE');
    expect((await first.stop()).code).toBe(0);
  });
});
