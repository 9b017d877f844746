// The server process: SIGTERM closes every connection, keeps every relayed edit and exits 0, a
// taken port stops it with a clear message, and `pnpm start` runs compiled JavaScript.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectCollab,
  connectSocket,
  createRoom,
  freePort,
  repoRoot,
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
    await vi.waitFor(
      () => expect(reader.doc.getMap('meta').get('title')).toBe('Durable, revision 20'),
      { timeout: 10_000 },
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

  it('pnpm start compiles the server and runs it as plain JavaScript, engine threads included', async () => {
    const dataDir = tempDataDir('parley-lifecycle-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const starter = spawn(process.execPath, ['server/scripts/start.mjs'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PARLEY_SKIP_CLIENT_BUILD: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    starter.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => starter.once('exit', resolve));
    cleanups.push(async () => {
      if (starter.exitCode === null) {
        starter.kill('SIGTERM');
        await exited;
      }
    });
    const url = `http://127.0.0.1:${port}`;
    await vi.waitFor(async () => expect((await fetch(`${url}/healthz`)).status).toBe(200), {
      timeout: 60_000,
      interval: 100,
    });

    // The process serving is node on server/dist/main.js, with no TypeScript loader.
    const served = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map((pid) => {
        try {
          const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
          const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          const args = readFileSync(join('/proc', pid, 'cmdline'), 'utf8').split('\0');
          return { parent, args };
        } catch {
          return null;
        }
      })
      .find(
        (proc) =>
          proc !== null && proc.parent === starter.pid && proc.args.some((a) => a.endsWith('.js')),
      );
    expect(served?.args.join(' ')).toContain(join(repoRoot, 'server/dist/main.js'));
    expect(served?.args.join(' ')).not.toContain('tsx');

    // The value comes from an engine thread started from the compiled worker.
    const room = await createRoom(url, { title: 'Compiled', template: 'mhealth' });
    const value = await request<{ format: string; scenarios: unknown[] }>(
      url,
      'GET',
      `/api/rooms/${room.roomId}/value?view=totals`,
      { token: room.organizerToken },
    );
    expect(value.status).toBe(200);
    expect(value.body.format).toBe('parley.value/v1');
    expect(value.body.scenarios.length).toBeGreaterThan(0);

    starter.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('failed');
  });
});
