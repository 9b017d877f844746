// Seeded Monte Carlo on the engine: every path shocks the volatile drivers of a scenario and
// computes it exactly; the same term sheet, paths and seed always give the same figures.
import type { EngineModel } from '../engine/model';
import type { ScenarioResult, ValueResult } from '../engine/result';
import { VALUE_FORMAT_V1 } from '../engine/result';
import type { Issue } from '../termsheet/issues';
import type { Scenario, TermSheet } from '../termsheet/schema';
import type { MonteCarloResult, ScenarioRisk } from './monte-carlo-result';
import { cents, failed, optionIssue, pct, succeeded } from './outcome';
import type { Analysis } from './outcome';
import { findScenario, isIssue, isPrepared, prepare } from './prepare';
import { probabilityWeighted, scenarioWeights } from './probability';
import { createPrng, MAX_SEED } from './prng';
import type { Sample } from './risk-stats';
import { partyRisk } from './risk-stats';
import { firstPeriodOutOfRange, runScenario } from './scenario-run';
import { shockedPath, volatileDrivers } from './volatility';

export interface MonteCarloOptions {
  /** Paths per scenario (default 1,000, at most 100,000). */
  paths?: number;
  /** An integer from 0 to 2^32 − 1 (default 1). */
  seed?: number;
  /** Only this scenario (default: every scenario). */
  scenarioId?: string;
}

export const DEFAULT_PATHS = 1000;
export const MAX_PATHS = 100_000;
export const DEFAULT_SEED = 1;

function optionProblems(paths: number, seed: number): Issue[] {
  const out: Issue[] = [];
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) {
    out.push(
      optionIssue(
        'invalid-option',
        `paths must be a whole number from 1 to ${MAX_PATHS}, not ${paths}`,
      ),
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    out.push(
      optionIssue(
        'invalid-option',
        `seed must be a whole number from 0 to ${MAX_SEED}, not ${seed}`,
      ),
    );
  }
  return out;
}

/** Every path of one scenario: samples per party position, or the issue of a path out of range. */
function simulate(
  ts: TermSheet,
  model: EngineModel,
  scenario: Scenario,
  paths: number,
  seed: number,
): Sample[][] | Issue {
  const drivers = volatileDrivers(scenario, ts.assumptions.periods);
  const prng = createPrng(seed, `scenario:${scenario.id}`);
  const samples: Sample[][] = model.partyIds.map(() => []);
  for (let p = 0; p < paths; p++) {
    const result = runScenario(ts, model, scenario, { drivers: shockedPath(drivers, prng) });
    const t = firstPeriodOutOfRange(result);
    if (t !== null) {
      return {
        severity: 'error',
        code: 'volatility-out-of-range',
        path: `assumptions.scenarios.${ts.assumptions.scenarios.indexOf(scenario)}.drivers`,
        message: `In scenario "${scenario.id}", path ${p + 1} of seed ${seed} takes the figures beyond the supported range in period ${t}; lower the drivers' volatility`,
      };
    }
    model.partyIds.forEach((id, i) => {
      const totals = result.totals[id];
      samples[i]?.push({
        net: totals?.net ?? 0,
        npv: totals?.npv ?? 0,
        exitPeriod: totals?.exitTriggerPeriod ?? null,
        weight: 1,
      });
    });
  }
  return samples;
}

/**
 * Runs `paths` shocked copies of each scenario (or of `scenarioId`) and reports, per party, the
 * share of paths with a loss over the term, percentiles of net and NPV, and where exit triggers
 * fire. With scenario probabilities, the scenarios' paths are also pooled, weighted by them.
 */
export function monteCarlo(
  input: unknown,
  options: MonteCarloOptions = {},
): Analysis<'monte-carlo', MonteCarloResult> {
  const prepared = prepare(input);
  if (!isPrepared(prepared)) return failed('monte-carlo', prepared.issues);
  const { ts, model } = prepared;
  const paths = options.paths ?? DEFAULT_PATHS;
  const seed = options.seed ?? DEFAULT_SEED;
  const problems = optionProblems(paths, seed);
  let scenarios = ts.assumptions.scenarios;
  if (options.scenarioId !== undefined) {
    const found = findScenario(ts, options.scenarioId);
    if (isIssue(found)) problems.push(found);
    else scenarios = [found.scenario];
  }
  if (problems.length > 0) return failed('monte-carlo', problems);

  const deterministic = new Map<string, ScenarioResult>(
    ts.assumptions.scenarios.map((s) => [s.id, runScenario(ts, model, s)]),
  );
  const weights = scenarioWeights(ts);
  const pooled: Sample[][] = model.partyIds.map(() => []);
  const results: ScenarioRisk[] = [];
  for (const scenario of scenarios) {
    const samples = simulate(ts, model, scenario, paths, seed);
    if (isIssue(samples)) return failed('monte-carlo', [...prepared.issues, samples]);
    const det = deterministic.get(scenario.id);
    const parties: ScenarioRisk['parties'] = {};
    model.partyIds.forEach((id, i) => {
      const own = samples[i] ?? [];
      parties[id] = {
        ...partyRisk(own),
        deterministicNet: cents(det?.totals[id]?.net ?? 0),
        deterministicNpv: cents(det?.totals[id]?.npv ?? 0),
      };
      const w = weights?.get(scenario.id) ?? 0;
      for (const s of own) pooled[i]?.push({ ...s, weight: w });
    });
    results.push({
      id: scenario.id,
      name: scenario.name,
      volatileDrivers: volatileDrivers(scenario, ts.assumptions.periods).map((d) => ({
        driver: d.name,
        volatilityPct: pct(d.volatilityPct),
      })),
      parties,
    });
  }
  const combine = weights !== null && options.scenarioId === undefined;
  const value: ValueResult = {
    format: VALUE_FORMAT_V1,
    issues: [],
    scenarios: ts.assumptions.scenarios.map((s) => deterministic.get(s.id) as ScenarioResult),
  };
  return succeeded('monte-carlo', prepared.issues, {
    paths,
    seed,
    scenarios: results,
    combined: combine
      ? {
          parties: Object.fromEntries(
            model.partyIds.map((id, i) => [id, partyRisk(pooled[i] ?? [])]),
          ),
        }
      : null,
    probabilityWeighted: probabilityWeighted(value, ts),
  });
}
