// Real Parley servers for tests: in this process on a free port with a temporary SQLite directory,
// or as a child process for signal and crash tests.
import { spawn, spawnSync } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createParleyServer, loadConfig } from '@parley/server';
import type { Env, ParleyServer, ParleyServerOptions } from '@parley/server';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function tempDataDir(prefix = 'parley-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface StartServerOptions {
  /** Extra environment variables (as the process would see them). */
  env?: Env;
  /** Reuse a data dir (e.g. to restart on the same data); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Keep the data dir on close (always kept when it was passed in). */
  keepDataDir?: boolean;
  collabLimits?: ParleyServerOptions['collabLimits'];
  roomLimits?: ParleyServerOptions['roomLimits'];
  clientDir?: string;
  /**
   * Run with the production rate limits on room creation and document writes. Tests create
   * rooms and write far faster than people do, so by default both are lifted; the limits'
   * own tests turn them on.
   */
  productionRateLimits?: boolean;
  /** Any other server option (e.g. a smaller document cap). */
  serverOptions?: ParleyServerOptions;
}

const lifted = { burst: 1_000_000, perMinute: 1_000_000 };

export interface StartedServer {
  /** http://127.0.0.1:port */
  url: string;
  baseUrl: string;
  /** ws://127.0.0.1:port/collab, the y-websocket server URL (room id is the room name). */
  collabUrl: string;
  port: number;
  dataDir: string;
  server: ParleyServer;
  close(): Promise<void>;
}

/** Starts the real server in this process on a free port with a temp SQLite data dir. */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.PARLEY_TEST_LOG ?? 'silent',
    ...options.env,
  });
  const server = await createParleyServer(config, {
    ...(options.productionRateLimits === true
      ? {}
      : { roomCreationRateLimit: lifted, writeRateLimit: lifted }),
    ...options.serverOptions,
    ...(options.collabLimits ? { collabLimits: options.collabLimits } : {}),
    ...(options.roomLimits ? { roomLimits: options.roomLimits } : {}),
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
  });
  const url = `http://127.0.0.1:${server.port}`;
  const removeDataDir = options.dataDir === undefined && options.keepDataDir !== true;
  return {
    url,
    baseUrl: url,
    collabUrl: `ws://127.0.0.1:${server.port}/collab`,
    port: server.port,
    dataDir,
    server,
    async close() {
      await server.close();
      if (removeDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SpawnServerOptions {
  env?: Env;
  dataDir?: string;
  /** A fixed port (e.g. to restart where clients reconnect); 0 picks a free one. */
  port?: number;
  /** How long to wait for the server to listen. */
  startTimeoutMs?: number;
  /** Runs the production build in server/dist instead of the TypeScript sources. */
  compiled?: boolean;
  /** Options for node itself, before the entry point (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

export interface SpawnedServer {
  url: string;
  baseUrl: string;
  collabUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnResult {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
}

/**
 * Runs `node --import tsx server/src/main.ts` with the given environment, or with `compiled` the
 * production build `node server/dist/main.js` (built beforehand by server/scripts/build.mjs).
 */
export function runServerProcess(env: Env, compiled = false, nodeArgs: string[] = []): SpawnResult {
  const args = [
    ...nodeArgs,
    ...(compiled ? ['server/dist/main.js'] : ['--import', 'tsx', 'server/src/main.ts']),
  ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Compiles the server into server/dist as `pnpm start` does, for `compiled: true` below. */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['server/scripts/build.mjs'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the server build failed');
}

/** A port that was free a moment ago (the kernel's choice for port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Spawns the server as a child process (for SIGTERM and kill -9 tests) and waits until it answers. */
export async function spawnServer(options: SpawnServerOptions = {}): Promise<SpawnedServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const port = options.port ?? (await freePort());
  const run = runServerProcess(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    options.compiled,
    options.nodeArgs,
  );
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  void run.exited.then((result) => (exited = result));
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (exited !== null) {
      const { code, signal } = exited;
      throw new Error(
        `server exited (${code ?? signal}) before listening:\n${run.output().stderr}`,
      );
    }
    if (Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`server did not start:\n${run.output().stderr}\n${run.output().stdout}`);
    }
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: url,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    child: run.child,
    exited: run.exited,
    output: run.output,
    kill(signal = 'SIGKILL') {
      run.child.kill(signal);
    },
    async stop() {
      run.child.kill('SIGTERM');
      return run.exited;
    },
  };
}
