// The nginx configuration the README gives (docs/nginx-parley.conf), run for real in front of two
// instances: round robin without sticky sessions spreads one room's clients over both, and
// /collab, Socket.IO, REST and /readyz all work through it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceState } from '@parley/shared/protocol';
import {
  connectCollab,
  connectSocket,
  emitWithAck,
  freePort,
  notesLog,
  repoRoot,
  request,
  startCluster,
} from './helpers';
import type { CollabClient, ParleyClientSocket, TestCluster } from './helpers';
import { content, notesRoomWith, until } from './cluster-helpers';

process.setMaxListeners(100);

const siteConfig = readFileSync(join(repoRoot, 'docs/nginx-parley.conf'), 'utf8');

let cluster: TestCluster;
let proxyUrl: string;
let stopNginx: () => Promise<void>;

/** Runs nginx in the foreground with the README's site configuration, pointed at the instances. */
async function startNginx(ports: number[]): Promise<{ url: string; stop(): Promise<void> }> {
  const which = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], {
    encoding: 'utf8',
  });
  const binary = which.stdout.trim().split('\n')[0];
  if (which.status !== 0 || !binary) {
    throw new Error('This test runs nginx: install it (apt-get install nginx).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'parley-nginx-'));
  // Started as root, nginx's workers run as another user that must reach its temp paths.
  chmodSync(dir, 0o755);
  const listen = await freePort();
  const [first, second] = ports;
  const site = siteConfig
    .replace('listen 8080;', `listen 127.0.0.1:${listen};`)
    .replace('127.0.0.1:3001', `127.0.0.1:${first}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${second}`);
  expect(site).not.toBe(siteConfig);
  writeFileSync(join(dir, 'parley.conf'), site);
  // What the Debian package's nginx.conf provides around conf.d, in a directory of our own.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${join(dir, 'body')};`,
      `  proxy_temp_path ${join(dir, 'proxy')};`,
      `  fastcgi_temp_path ${join(dir, 'fastcgi')};`,
      `  uwsgi_temp_path ${join(dir, 'uwsgi')};`,
      `  scgi_temp_path ${join(dir, 'scgi')};`,
      `  include ${join(dir, 'parley.conf')};`,
      '}',
    ].join('\n'),
  );
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${listen}`;
  await until(async () => {
    expect(child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  cluster = await startCluster({ instances: 2 });
  const nginx = await startNginx(cluster.servers.map((s) => s.port));
  proxyUrl = nginx.url;
  stopNginx = nginx.stop;
});

afterAll(async () => {
  await stopNginx?.();
  await cluster?.close();
});

describe('two instances behind the README’s nginx configuration', () => {
  it('is the configuration the README shows', () => {
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(siteConfig);
  });

  it('spreads one room’s clients over both instances, and they converge', async () => {
    const { room, tokens } = await notesRoomWith(proxyUrl, 3);
    const collabUrl = `${proxyUrl.replace('http', 'ws')}/collab`;
    const clients: CollabClient[] = [room.organizerToken, ...tokens].map((token) =>
      connectCollab(collabUrl, room.roomId, token),
    );
    try {
      await Promise.all(clients.map((c) => c.synced));
      // Round robin, no stickiness: both instances hold some of the room's connections.
      for (const server of cluster.servers) {
        expect(server.server.collab.connections()).toBeGreaterThan(0);
      }
      for (const [k, c] of clients.entries()) notesLog(c.doc).push([`through-nginx-${k}`]);
      await until(() => {
        for (const c of clients) {
          expect(notesLog(c.doc).length).toBe(clients.length);
          expect(content(c.doc)).toEqual(content(clients[0]!.doc));
        }
      });
    } finally {
      for (const c of clients) c.destroy();
    }
  });

  it('carries Socket.IO presence across the instances and answers /readyz', async () => {
    const { room, tokens } = await notesRoomWith(proxyUrl, 3);
    const sockets: ParleyClientSocket[] = [];
    try {
      for (const token of [room.organizerToken, ...tokens]) {
        sockets.push(await connectSocket(proxyUrl, token));
      }
      for (const server of cluster.servers) {
        expect(server.server.sockets.connectionCount()).toBeGreaterThan(0);
      }
      await until(async () => {
        const answer = await emitWithAck<{ presence: PresenceState }>(
          sockets[0]!,
          'room:state',
          {},
        );
        expect(answer.ok && answer.data.presence.entries.length).toBe(4);
      });
      expect((await request(proxyUrl, 'GET', '/readyz')).status).toBe(200);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
