/**
 * Several instances: edit-to-peer latency with writer and reader on one instance and on two
 * instances (PostgreSQL + Redis), next to a single instance without Redis, and the Redis traffic
 * one edit costs (INFO stats and commandstats deltas over the run, divided by the edits).
 *
 * Every server is a child process; one PostgreSQL database and one private redis-server are
 * created for the run and removed after it. Goal: cross-instance p50 within 2x single-instance.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connectCollab } from '../integration/helpers/collab';
import type { CollabClient } from '../integration/helpers/collab';
import { freshDatabase, startRedis } from '../integration/helpers/cluster';
import type { TestRedis } from '../integration/helpers/cluster';
import { createNotesRoom, notesLog } from '../integration/helpers/notes';
import { invite } from '../integration/helpers/api';
import { spawnServer } from '../integration/helpers/server';
import type { SpawnedServer } from '../integration/helpers/server';

const EDITS = 300;
const INTERVAL_MS = 25;
const WARMUP = 20;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

function summarize(samples: number[]): { n: number; p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** Arrival times of the writer's markers at one reader. */
function watch(reader: CollabClient, arrivals: Map<string, number>): void {
  const log = () => notesLog(reader.doc);
  reader.doc.on('update', () => {
    const now = performance.now();
    const entries = log().toArray();
    for (let k = entries.length - 1; k >= 0; k--) {
      const entry = entries[k]!;
      if (arrivals.has(entry)) break;
      arrivals.set(entry, now);
    }
  });
}

/**
 * One writer on `writerServer`, one reader on each of `readerServers`: the latencies each reader
 * saw for the same edits.
 */
async function measure(
  writerServer: SpawnedServer,
  readerServers: SpawnedServer[],
): Promise<number[][]> {
  const room = await createNotesRoom(writerServer.baseUrl);
  const readerTokens: string[] = [];
  for (let k = 0; k < readerServers.length; k++) {
    const joined = await invite(writerServer.baseUrl, room.roomId, room.organizerToken, {
      name: `Reader ${k}`,
      role: 'negotiator',
      party: 'insurer',
    });
    readerTokens.push(joined.token);
  }
  const writer = connectCollab(writerServer.collabUrl, room.roomId, room.organizerToken);
  const readers = readerServers.map((server, k) =>
    connectCollab(server.collabUrl, room.roomId, readerTokens[k]!),
  );
  try {
    await Promise.all([writer.synced, ...readers.map((r) => r.synced)]);
    const arrivals = readers.map(() => new Map<string, number>());
    readers.forEach((reader, k) => watch(reader, arrivals[k]!));
    const sent = new Map<string, number>();
    for (let i = 0; i < EDITS + WARMUP; i++) {
      const marker = `e${i}`;
      sent.set(marker, performance.now());
      notesLog(writer.doc).push([marker]);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    const deadline = Date.now() + 20_000;
    while (arrivals.some((a) => a.size < sent.size) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return arrivals.map((arrived) => {
      const latencies: number[] = [];
      for (const [marker, at] of sent) {
        if (Number(marker.slice(1)) < WARMUP) continue;
        const got = arrived.get(marker);
        if (got !== undefined) latencies.push(got - at);
      }
      return latencies;
    });
  } finally {
    writer.destroy();
    for (const reader of readers) reader.destroy();
  }
}

async function redisTotals(redis: TestRedis): Promise<{
  input: number;
  output: number;
  commands: number;
  byCommand: Map<string, number>;
}> {
  const stats = await redis.info('stats');
  const commandstats = await redis.info('commandstats');
  const byCommand = new Map<string, number>();
  for (const [key, value] of Object.entries(commandstats)) {
    const calls = /calls=(\d+)/.exec(value);
    if (calls) byCommand.set(key.replace(/^cmdstat_/, ''), Number(calls[1]));
  }
  return {
    input: Number(stats.total_net_input_bytes ?? 0),
    output: Number(stats.total_net_output_bytes ?? 0),
    commands: Number(stats.total_commands_processed ?? 0),
    byCommand,
  };
}

export default async function run(): Promise<void> {
  const database = await freshDatabase('parley_bench_cluster');
  const redis = await startRedis();
  const secret = randomBytes(32).toString('hex');
  const started: SpawnedServer[] = [];
  const spawn = async (withRedis: boolean) => {
    const server = await spawnServer({
      env: {
        DATABASE_URL: database.url,
        SECRET: secret,
        LOG_LEVEL: 'warn',
        ...(withRedis ? { REDIS_URL: redis.url } : {}),
      },
    });
    started.push(server);
    return server;
  };
  try {
    // As today: one instance, PostgreSQL, no Redis.
    const single = await spawn(false);
    const [alone] = await measure(single, [single]);
    await single.stop();
    started.splice(started.indexOf(single), 1);
    rmSync(single.dataDir, { recursive: true, force: true });

    const a = await spawn(true);
    const b = await spawn(true);
    const before = await redisTotals(redis);
    const [same, cross] = await measure(a, [a, b]);
    const after = await redisTotals(redis);

    const s = summarize(alone!);
    const sameInstance = summarize(same!);
    const crossInstance = summarize(cross!);
    console.log(`  ${EDITS} edits at ${1000 / INTERVAL_MS}/s, one writer, edit → peer:`);
    console.log(
      `  single instance, no Redis (${s.n} samples) p50 / p99: ${ms(s.p50)} / ${ms(s.p99)}`,
    );
    console.log(
      `  two instances, reader on the writer's instance (${sameInstance.n}) p50 / p99: ${ms(sameInstance.p50)} / ${ms(sameInstance.p99)}`,
    );
    console.log(
      `  two instances, reader on the other instance (${crossInstance.n}) p50 / p99: ${ms(crossInstance.p50)} / ${ms(crossInstance.p99)}`,
    );
    const ratio = crossInstance.p50 / s.p50;
    console.log(
      `  cross-instance p50 / single-instance p50: ${ratio.toFixed(2)}x  (goal <= 2x: ${ratio <= 2 ? 'yes' : 'NO'})`,
    );
    console.log(
      `  cross-instance p50 / same-instance p50 (both with Redis): ${(crossInstance.p50 / sameInstance.p50).toFixed(2)}x`,
    );
    const edits = EDITS + WARMUP;
    console.log(
      `  Redis per edit: ${((after.commands - before.commands) / edits).toFixed(1)} commands, ${((after.input - before.input) / edits).toFixed(0)} B in, ${((after.output - before.output) / edits).toFixed(0)} B out (Socket.IO adapter, heartbeats and rate limits included)`,
    );
    const perCommand = [...after.byCommand]
      .map(([name, calls]) => [name, calls - (before.byCommand.get(name) ?? 0)] as const)
      .filter(([, calls]) => calls > 0)
      .sort((x, y) => y[1] - x[1])
      .map(([name, calls]) => `${name} ${(calls / edits).toFixed(2)}`);
    console.log(`  commands per edit: ${perCommand.join(', ')}`);
  } finally {
    for (const server of started) {
      server.kill('SIGKILL');
      await server.exited;
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    await redis.stop();
    await database.drop();
  }
}
