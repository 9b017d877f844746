/**
 * Parley side by side with the best Yjs servers: the same clients (test/bench/peers/client.ts)
 * make the same edits against Parley, @y/websocket-server (in memory and with LevelDB) and
 * @hocuspocus/server, each a child process on this machine; the table gives edit-to-peer p50
 * and p99 per server and the ratio Parley / best peer. Then Parley alone under a 16-party sheet
 * that it recomputes on every edit: its event-loop lag and /healthz latency meanwhile.
 *
 * `pnpm bench peers` runs this file alone. PARLEY_BENCH_RUNS sets the number of runs per
 * server (default 3; each run starts every server afresh, in a rotating order);
 * PARLEY_BENCH_SERVERS (e.g. `parley,hocuspocus`) runs only those servers, and
 * PARLEY_BENCH_SHEET=0 leaves out the 16-party sheet.
 */
import { loadavg } from 'node:os';
import { measureEdits } from './peers/editLoad';
import type { EditLoad, EditTiming } from './peers/editLoad';
import { measureSheet } from './peers/sheetLoad';
import { serverNames, startServer } from './peers/servers';
import type { ServerKind } from './peers/servers';
import { fixed, printTable, range, summarize } from './peers/stats';

const loads: (EditLoad & { goal: string })[] = [
  {
    label: '1 room x 50 clients, 200 edits/s',
    rooms: 1,
    perRoom: 50,
    observersPerRoom: 5,
    intervalMs: 250,
    goal: '<= 1.0 at p50 and p99',
  },
  {
    label: '100 rooms x 5 clients, 500 edits/s',
    rooms: 100,
    perRoom: 5,
    observersPerRoom: 1,
    intervalMs: 1000,
    goal: '<= 1.0 at p50',
  },
];

const timing: EditTiming = { warmupMs: 1000, windowMs: 4000, drainMs: 5000 };
const allKinds: ServerKind[] = ['parley', 'y-websocket', 'y-websocket-leveldb', 'hocuspocus'];
const chosen = process.env.PARLEY_BENCH_SERVERS?.split(',').map((k) => k.trim());
const kinds = allKinds.filter((kind) => chosen === undefined || chosen.includes(kind));
const peers = kinds.filter((kind) => kind !== 'parley');

function runsFromEnv(): number {
  const raw = process.env.PARLEY_BENCH_RUNS;
  if (raw === undefined || raw === '') return 3;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`PARLEY_BENCH_RUNS must be a whole number of at least 1, got "${raw}"`);
  }
  return runs;
}

interface RunFigures {
  samples: number[];
  p50: number;
  p99: number;
  missing: number;
  edits: number;
  serverCpuMs: number | null;
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export default async function run(): Promise<void> {
  const runs = runsFromEnv();
  // Latency on a shared machine says as much about the neighbours as about the servers.
  console.log(`  load average at start: ${loadAverage()}`);
  console.log(
    `  ${runs} run(s); each client load: ${timing.warmupMs} ms warm-up, ${timing.windowMs} ms measured`,
  );

  const results = new Map<string, RunFigures[]>();
  const key = (kind: ServerKind, load: number) => `${kind}/${load}`;
  for (let r = 0; r < runs; r++) {
    const order = [...kinds.slice(r % kinds.length), ...kinds.slice(0, r % kinds.length)];
    for (const kind of order) {
      const server = await startServer(kind);
      try {
        for (const [index, load] of loads.entries()) {
          const measured = await measureEdits(server, `run${r}-load${index}`, load, timing);
          const { samples, missing, serverCpuMs, edits } = measured;
          const { p50, p99, n } = summarize(samples);
          const list = results.get(key(kind, index)) ?? [];
          list.push({ ...measured, p50, p99 });
          results.set(key(kind, index), list);
          console.log(
            `  run ${r + 1}/${runs}  ${server.name}, ${load.label}: p50 ${fixed(p50)} / p99 ${fixed(p99)} ms (${n} samples${missing > 0 ? `, ${missing} missing` : ''}), server CPU ${serverCpuMs === null ? '-' : fixed(serverCpuMs / edits, 3)} ms/edit`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  }

  console.log(
    '\n  edit-to-peer latency, ms: p50 / p99 over the samples of every run, per-run ranges beside;' +
      "\n  server CPU: the server process's user + system time in the measured windows per edit made",
  );
  const pooled = (kind: ServerKind, index: number) => {
    const list = results.get(key(kind, index)) ?? [];
    const cpu = list.every((f) => f.serverCpuMs !== null)
      ? list.reduce((sum, f) => sum + (f.serverCpuMs ?? 0), 0) /
        list.reduce((sum, f) => sum + f.edits, 0)
      : NaN;
    return {
      ...summarize(list.flatMap((f) => f.samples)),
      cpu,
      p50s: list.map((f) => f.p50),
      p99s: list.map((f) => f.p99),
      missing: list.reduce((sum, f) => sum + f.missing, 0),
    };
  };
  const lines: string[][] = [];
  for (const [index, load] of loads.entries()) {
    for (const kind of kinds) {
      const figures = pooled(kind, index);
      lines.push([
        load.label,
        serverNames[kind],
        fixed(figures.p50),
        fixed(figures.p99),
        range(figures.p50s),
        range(figures.p99s),
        String(figures.n),
        String(figures.missing),
        fixed(figures.cpu, 3),
      ]);
    }
  }
  printTable(
    [
      'load',
      'server',
      'p50',
      'p99',
      'p50 per run',
      'p99 per run',
      'samples',
      'missing',
      'server CPU ms/edit',
    ],
    lines,
    2,
  );

  const compared = kinds.includes('parley') && peers.length > 0;
  if (compared) {
    console.log('\n  Parley / best peer (lower is better; the best peer named per figure)');
  }
  const ratioLines = (compared ? loads : []).map((load, index) => {
    const parley = pooled('parley', index);
    const cell = (figure: 'p50' | 'p99' | 'cpu', unit: string) => {
      const best = peers
        .map((kind) => ({ kind, value: pooled(kind, index)[figure] }))
        .reduce((a, b) => (b.value < a.value ? b : a));
      return `${fixed(parley[figure] / best.value)} (${serverNames[best.kind]} ${fixed(best.value, figure === 'cpu' ? 3 : 2)} ${unit})`;
    };
    return [load.label, cell('p50', 'ms'), cell('p99', 'ms'), cell('cpu', 'ms'), load.goal];
  });
  if (compared) {
    printTable(['load', 'p50 ratio', 'p99 ratio', 'server CPU per edit ratio', 'goal'], ratioLines);
  }
  console.log(
    '  (latency tails depend on what else the machine runs; CPU per edit depends on it less)',
  );

  // One edit every 250 ms in all: the server recomputes the whole sheet after each, which it
  // can keep up with; much faster and the figures measure its backlog instead.
  if (process.env.PARLEY_BENCH_SHEET === '0' || !kinds.includes('parley')) return;
  const sheet = await measureSheet({
    intervalMs: 4000,
    warmupMs: 2000,
    windowMs: 20_000,
    probeEveryMs: 25,
  });
  console.log(
    `\n  Parley, 16-party Shapley sheet with an open proposal: ${sheet.members} members, ${sheet.edits} unit-price edits in ${sheet.windowMs / 1000} s`,
  );
  printTable(
    ['measure', 'figure', 'goal'],
    [
      [
        'event-loop lag p99, from the server /metrics (idle room)',
        `${fixed(sheet.lag.p99)} ms (${fixed(sheet.idleLagP99)} ms)`,
        '< 20 ms',
      ],
      ['event-loop lag p50 / max', `${fixed(sheet.lag.p50)} / ${fixed(sheet.lag.max)} ms`, ''],
      [
        `/healthz from the bench process, p50 / p99 (${sheet.healthz.n} requests)`,
        `${fixed(sheet.healthz.p50)} / ${fixed(sheet.healthz.p99)} ms`,
        'p99 < 50 ms',
      ],
      [
        `edit-to-peer, p50 / p99 (${sheet.edit.n} samples${sheet.missing > 0 ? `, ${sheet.missing} missing` : ''})`,
        `${fixed(sheet.edit.p50)} / ${fixed(sheet.edit.p99)} ms`,
        '',
      ],
      ['server CPU per edit', `${fixed(sheet.serverCpuMsPerEdit, 1)} ms`, ''],
    ],
  );
  console.log(
    '  (prom-client samples the loop every 10 ms, so an idle server reads about 10 ms; the excess is lag)',
  );
  console.log(`  load average at end: ${loadAverage()}`);
}
