// Several real Parley instances sharing one fresh PostgreSQL database and one private
// redis-server started on a free port, as a deployment behind a load balancer runs them.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import type { ParleyServerOptions } from '@parley/server';
import { freePort, spawnServer, startServer } from './server';
import type { SpawnedServer, StartServerOptions, StartedServer } from './server';

const adminUrl =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const connection = new pg.Client({ connectionString: adminUrl });
  await connection.connect();
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database `<prefix>_<random>`; drop() removes it. */
export async function freshDatabase(prefix = 'parley_cluster'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (its data goes with it: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** INFO of one section, as key → value. */
  info(section: string): Promise<Record<string, string>>;
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 500 } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

/** A private redis-server on a free port, without persistence. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    while (!(await redisAnswers(url))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start on ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url,
    port,
    start,
    stop,
    async info(section) {
      const client = createClient({ url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        const text = await client.info(section);
        const values: Record<string, string> = {};
        for (const line of text.split('\r\n')) {
          const at = line.indexOf(':');
          if (at > 0) values[line.slice(0, at)] = line.slice(at + 1);
        }
        return values;
      } finally {
        client.destroy();
      }
    },
  };
}

/** Polls tests can afford: catch-ups come fast, so failures show quickly. */
export const testRoomStream = { pollDownMs: 500, pollUpMs: 1_000 };

export interface ClusterOptions {
  instances: number;
  serverOptions?: ParleyServerOptions;
  roomLimits?: StartServerOptions['roomLimits'];
  productionRateLimits?: boolean;
}

export interface TestCluster {
  database: TestDatabase;
  redis: TestRedis;
  servers: StartedServer[];
  env: { DATABASE_URL: string; REDIS_URL: string; SECRET: string };
  /** Another instance on the same database and Redis, in this process. */
  addServer(options?: Partial<ClusterOptions>): Promise<StartedServer>;
  /** Another instance as a child process, for kill -9. */
  spawn(): Promise<SpawnedServer>;
  close(): Promise<void>;
}

/** `instances` servers on port 0, one fresh database, one private Redis. */
export async function startCluster(options: ClusterOptions): Promise<TestCluster> {
  const database = await freshDatabase();
  const redis = await startRedis();
  // Every instance signs and checks tokens with the same secret, as a deployment must.
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SECRET: randomBytes(32).toString('hex'),
  };
  const servers: StartedServer[] = [];
  const spawned: SpawnedServer[] = [];
  const addServer = async (extra: Partial<ClusterOptions> = {}): Promise<StartedServer> => {
    const server = await startServer({
      env,
      ...((extra.roomLimits ?? options.roomLimits)
        ? { roomLimits: extra.roomLimits ?? options.roomLimits }
        : {}),
      productionRateLimits: extra.productionRateLimits ?? options.productionRateLimits ?? false,
      serverOptions: { roomStream: testRoomStream, ...options.serverOptions },
    });
    servers.push(server);
    return server;
  };
  // One after the other: the first migrates the database.
  for (let i = 0; i < options.instances; i++) await addServer();
  return {
    database,
    redis,
    servers,
    env,
    addServer,
    async spawn() {
      const child = await spawnServer({ env: { ...env, LOG_LEVEL: 'warn' } });
      spawned.push(child);
      return child;
    },
    async close() {
      for (const child of spawned) {
        child.kill('SIGKILL');
        await child.exited;
      }
      await Promise.all(servers.map((server) => server.close().catch(() => undefined)));
      await redis.stop();
      await database.drop();
    },
  };
}
