// One scenario on the engine's fast path, and the check that keeps every figure exact: the same
// per-period limits the format sets on pool, costs and KPI transfers.
import type { ScenarioOverrides } from '../engine/compute-value';
import { computeScenario } from '../engine/compute-value';
import type { EngineModel } from '../engine/model';
import type { ScenarioResult } from '../engine/result';
import { MAX_AMOUNT } from '../termsheet/primitives';
import type { Scenario, TermSheet } from '../termsheet/schema';

export function runScenario(
  ts: TermSheet,
  model: EngineModel,
  scenario: Scenario,
  overrides: ScenarioOverrides = {},
): ScenarioResult {
  return computeScenario(ts, model, scenario, undefined, overrides);
}

/** The first period (1-based) whose pool, costs or KPI transfers leave the exact range, or null. */
export function firstPeriodOutOfRange(result: ScenarioResult): number | null {
  for (const period of result.periods) {
    if (!(period.pool <= MAX_AMOUNT)) return period.t;
    let kpi = 0;
    for (const party of Object.values(period.parties)) {
      if (!(party.costs <= MAX_AMOUNT)) return period.t;
      kpi += Math.abs(party.kpi);
    }
    if (!(kpi <= 2 * MAX_AMOUNT)) return period.t;
  }
  return null;
}

/** Total net over the term per party position. */
export function totalNets(model: EngineModel, result: ScenarioResult): number[] {
  return model.partyIds.map((id) => result.totals[id]?.net ?? 0);
}
