/**
 * Value engine speed against its goals: a template computes in under 1 ms, the largest
 * allowed deal (16 parties, 120 periods, 5 scenarios, Shapley split) in under 50 ms, and a
 * template recomputes after one edited parameter in under 2 ms (what every keystroke in a
 * clause parameter costs each participant). The analyses built on it: a template's sensitivity
 * (tornado) in under 50 ms, and 1,000 Monte Carlo paths of every scenario of a template in
 * under 1 s.
 */
import { monteCarlo, sensitivity } from '@parley/shared/analysis';
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

/** The template with 10 % volatility on every growing or series driver, scenarios equally likely
 * but for rounding, so that every path differs and the pooled figures are computed too. */
function volatile(template: unknown): unknown {
  const sheet = structuredClone(template) as {
    assumptions: { scenarios: { probabilityPct?: number; drivers: Record<string, unknown> }[] };
  };
  const n = sheet.assumptions.scenarios.length;
  sheet.assumptions.scenarios.forEach((s, i) => {
    s.probabilityPct = i === 0 ? 100 - Math.floor(100 / n) * (n - 1) : Math.floor(100 / n);
    for (const d of Object.values(s.drivers)) {
      if (typeof d === 'object' && d !== null) (d as { volatilityPct?: number }).volatilityPct = 10;
    }
  });
  return sheet;
}

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

  for (const id of templateIds) {
    const sheet = templates[id];
    const partyId = sheet.parties[0]?.id ?? '';
    rows.push({
      name: `sensitivity (tornado), ${id}, party ${partyId}`,
      stats: measure(() => sensitivity(sheet, { partyId }), 5, 40),
      goalMs: 50,
    });
  }

  for (const id of templateIds) {
    const sheet = volatile(templates[id]);
    const check = monteCarlo(sheet, { paths: 10 });
    if (check.result === null)
      throw new Error(`Monte Carlo on ${id} failed: ${check.issues[0]?.message}`);
    rows.push({
      name: `Monte Carlo, 1,000 paths x every scenario, ${id}`,
      stats: measure(() => monteCarlo(sheet, { paths: 1000, seed: 1 }), 1, 7),
      goalMs: 1000,
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
