/**
 * Value engine speed against its goals: a template computes in under 1 ms, the largest
 * allowed deal (16 parties, 120 periods, 5 scenarios, Shapley split) in under 50 ms, and a
 * template recomputes after one edited parameter in under 2 ms (what every keystroke in a
 * clause parameter costs each participant).
 */
import { computeValue } from '@parley/shared/engine';
import { templateIds, templates } from '@parley/shared/templates';
import type { TemplateId } from '@parley/shared/templates';
import { largeShapleySheet } from './largeSheet';

type Stats = { median: number; p95: number; samples: number };

function measure(fn: () => void, warmup: number, samples: number): Stats {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), samples };
}

type Editable = { clauses: { kind: string; params: Record<string, unknown> }[] };

/** One realistic edit per template, toggled back and forth so every recompute sees a change. */
const edits: Record<TemplateId, (sheet: Editable, flip: boolean) => void> = {
  mhealth: (sheet, flip) => {
    const sharing = sheet.clauses.find((c) => c.kind === 'value-sharing')?.params as {
      contribution: { dimensions: { weightPct: number }[] };
    };
    (sharing.contribution.dimensions[0] as { weightPct: number }).weightPct = flip ? 35 : 30;
  },
  telematics: (sheet, flip) => {
    const floors = sheet.clauses.find((c) => c.kind === 'minimum-guarantee')?.params as {
      floors: Record<string, number>;
    };
    floors.floors.app = flip ? 2500000 : 2000000;
  },
  'smart-city': (sheet, flip) => {
    const sharing = sheet.clauses.find((c) => c.kind === 'value-sharing')?.params as {
      tiers: { split: Record<string, number> }[];
    };
    const top = (sharing.tiers[2] as { split: Record<string, number> }).split;
    top.city = flip ? 45 : 40;
    top.csp = flip ? 10 : 15;
  },
};

function errorsOf(input: unknown): number {
  return computeValue(input).issues.filter((i) => i.severity === 'error').length;
}

export default async function run(): Promise<void> {
  const rows: { name: string; stats: Stats; goalMs: number }[] = [];

  for (const id of templateIds) {
    const sheet = templates[id];
    if (errorsOf(sheet) > 0)
      throw new Error(`template ${id} has errors; figures would be meaningless`);
    rows.push({
      name: `template ${id}`,
      stats: measure(() => computeValue(sheet), 200, 1000),
      goalMs: 1,
    });
  }

  const large = largeShapleySheet();
  if (errorsOf(large) > 0)
    throw new Error('the 16-party sheet has errors; figures would be meaningless');
  rows.push({
    name: '16 parties x 120 periods x 5 scenarios, shapley',
    stats: measure(() => computeValue(large), 5, 40),
    goalMs: 50,
  });

  for (const id of templateIds) {
    const sheet = structuredClone(templates[id]) as unknown as Editable;
    let flip = false;
    rows.push({
      name: `edit one parameter + recompute, ${id}`,
      stats: measure(
        () => {
          flip = !flip;
          edits[id](sheet, flip);
          computeValue(sheet);
        },
        200,
        1000,
      ),
      goalMs: 2,
    });
  }

  const nameWidth = Math.max(...rows.map((r) => r.name.length));
  const header = `${'case'.padEnd(nameWidth)}  ${'median ms'.padStart(10)}  ${'p95 ms'.padStart(10)}  ${'goal ms'.padStart(8)}  ${'runs'.padStart(5)}  result`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const { name, stats, goalMs } of rows) {
    console.log(
      `${name.padEnd(nameWidth)}  ${stats.median.toFixed(3).padStart(10)}  ${stats.p95.toFixed(3).padStart(10)}  ${`< ${goalMs}`.padStart(8)}  ${String(stats.samples).padStart(5)}  ${stats.median < goalMs ? 'ok' : 'OVER GOAL'}`,
    );
  }
}
