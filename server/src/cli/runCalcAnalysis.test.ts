import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '@parley/shared/templates';
import { runCalc } from './runCalc';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const mhealthFile = join(repoRoot, 'shared/templates/mhealth.json');

let dir: string;
let riskyFile = '';
let brokenFile = '';

type Doc = {
  assumptions: { scenarios: { probabilityPct?: number; drivers: Record<string, unknown> }[] };
  clauses: { kind: string; params: Record<string, unknown> }[];
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-calc-analysis-'));
  // mHealth with probabilities, 10 % volatility on every growing driver and settlement terms.
  const risky = structuredClone(templates.mhealth) as unknown as Doc;
  risky.assumptions.scenarios.forEach((s, i) => {
    s.probabilityPct = [25, 50, 25][i];
    for (const d of Object.values(s.drivers)) {
      if (typeof d === 'object' && d !== null && 'start' in d) {
        (d as { volatilityPct?: number }).volatilityPct = 10;
      }
    }
  });
  const exit = risky.clauses.find((c) => c.kind === 'exit');
  if (!exit) throw new Error('mhealth has no exit clause');
  exit.params.settlement = {
    reimbursement: { sharePct: 100 },
    terminationFee: { amount: 5_000_000, waivedOnTrigger: true },
    streamsOnExit: 'continue',
  };
  riskyFile = join(dir, 'risky.json');
  writeFileSync(riskyFile, JSON.stringify(risky));
  const broken = structuredClone(risky);
  (broken.assumptions.scenarios[0] as { probabilityPct?: number }).probabilityPct = 30;
  brokenFile = join(dir, 'broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `pnpm calc` as a child process, the way a user runs it. */
function calc(...args: string[]) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli/calc.ts', ...args],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, npm_lifecycle_event: '' } },
  );
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('pnpm calc --sensitivity', () => {
  it('prints the tornado for a party as JSON, largest swing first', () => {
    const { code, stdout, stderr } = calc(
      mhealthFile,
      '--sensitivity',
      'csp',
      '--scenario',
      'base',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ format: 'parley.analysis/v1', kind: 'sensitivity', issues: [] });
    expect(out.result).toMatchObject({
      scenarioId: 'base',
      partyId: 'csp',
      stepPct: 10,
      net: 27159643,
    });
    const swings = out.result.entries.map((e: { netSwing: number }) => e.netSwing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it('prints a table with the step asked for', () => {
    const { code, stdout } = calc(
      mhealthFile,
      '--sensitivity=care',
      '--step',
      '5',
      '--format',
      'table',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Sensitivity of Riverside Care Partners \(care\) in scenario Low enrolment \(low\)/,
    );
    expect(stdout).toContain('Net -5 %');
    expect(stdout).toContain('Revenue streams · Monitoring subscriptions · unitPrice');
    expect(stdout).toContain('Issues: none');
  });

  it('exits 2 with one line for an unknown party or scenario', () => {
    const party = calc(mhealthFile, '--sensitivity', 'nobody');
    expect(party.code).toBe(2);
    expect(party.stdout).toBe('');
    expect(party.stderr).toMatch(/^calc: There is no party "nobody" in this term sheet .*\n$/);
    const scenario = calc(mhealthFile, '--sensitivity', 'csp', '--scenario', 'nope');
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/^calc: There is no scenario "nope"/);
  });
});

describe('pnpm calc --break-even', () => {
  it('for one party and scenario, or every party with the FILE after the option', () => {
    const one = calc(mhealthFile, '--break-even', 'care', '--scenario', 'low');
    expect(one.code).toBe(0);
    const out = JSON.parse(one.stdout);
    expect(out.kind).toBe('break-even');
    expect(out.result.scenarios.map((s: { id: string }) => s.id)).toEqual(['low']);
    expect(out.result.scenarios[0].parties.map((p: { partyId: string }) => p.partyId)).toEqual([
      'care',
    ]);
    const all = calc('--break-even', mhealthFile, '--format', 'table');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Scenario High enrolment (high)');
    expect(all.stdout).toMatch(
      /Pulsewire Medical Devices \(device\) .* all together +breaks even from x0\.\d{4}/,
    );
  });
});

describe('pnpm calc --risk', () => {
  it('gives the same figures for the same seed and shows the probability-weighted totals', () => {
    const a = calc(riskyFile, '--risk', '--paths', '60', '--seed', '9');
    const b = calc(riskyFile, '--risk', '--paths=60', '--seed=9');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout);
    expect(out.kind).toBe('monte-carlo');
    expect(out.result).toMatchObject({ paths: 60, seed: 9 });
    expect(out.result.combined).not.toBeNull();
    expect(out.result.probabilityWeighted.probabilities).toHaveLength(3);
    const table = calc(riskyFile, '--risk', '--paths', '60', '--format', 'table');
    expect(table.stdout).toContain('Probability-weighted (Low enrolment (low) 25 %');
    expect(table.stdout).toContain('Monte Carlo, all scenarios weighted by probability');
    expect(table.stdout).toMatch(/P\(net < 0\) %/);
  });

  it('exits 1 and prints the issues when the probabilities do not sum to 100', () => {
    const { code, stdout, stderr } = calc(brokenFile, '--risk', '--format', 'table');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^error +probabilities-not-100 +assumptions\.scenarios /m);
    expect(stderr).toMatch(/has 1 error\n$/);
  });
});

describe('pnpm calc --exit', () => {
  it('prints the settlement and every party’s figures after the exit', () => {
    const { code, stdout } = calc(riskyFile, '--exit', 'device@3', '--scenario', 'base');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.kind).toBe('separation');
    const s = out.result.scenarios[0];
    expect(s).toMatchObject({ id: 'base', lastPeriod: 6, exitPeriod: 7 });
    const transfers = Object.values(s.settlement.transfers) as number[];
    expect(transfers.reduce((a, b) => a + b, 0)).toBe(0);
    const table = calc(riskyFile, '--exit', 'device@3', '--format', 'table');
    expect(table.stdout).toMatch(/^Pulsewire Medical Devices \(device\) gives notice in month 3\./);
    expect(table.stdout).toContain('Scenario Base (base): last month 6, gone from month 7');
  });

  it('exits 2 for a period outside the term or a malformed PARTY@PERIOD', () => {
    const late = calc(mhealthFile, '--exit', 'device@99');
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(
      /^calc: The notice period must be a whole number from 1 to 18, not 99\n$/,
    );
    const malformed = calc(mhealthFile, '--exit', 'device');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^calc: --exit needs PARTY@PERIOD/);
    expect(malformed.stderr).toContain('Usage: pnpm calc FILE');
  });
});

/** The same command in-process, for the argument checks that never reach the engine. */
async function calcInProcess(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCalc(argv, {
    cwd: repoRoot,
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('pnpm calc analysis arguments', () => {
  it('exits 2 with the usage for two analyses or an option without its analysis', async () => {
    for (const args of [
      ['--risk', '--sensitivity', 'csp'],
      ['--step', '5'],
      ['--paths', '10', '--exit', 'csp@1'],
      ['--scenario', 'base'],
      ['--risk', '--seed', 'abc'],
      ['--sensitivity', 'csp', '--step', 'ten'],
    ]) {
      const { code, stdout, stderr } = await calcInProcess(mhealthFile, ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^calc: .+\n\nUsage: pnpm calc FILE/);
    }
  });
});
