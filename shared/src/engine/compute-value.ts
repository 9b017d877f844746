import { driverSeries } from '../termsheet/drivers';
import type { Issue } from '../termsheet/issues';
import { hasErrors } from '../termsheet/issues';
import type { Scenario, TermSheet } from '../termsheet/schema';
import { roundHalfAway } from '../termsheet/units';
import { validateTermSheet } from '../termsheet/validate';
import { npv, periodDiscountFactor } from './discount';
import { sharePct } from './exact-weights';
import type { PreparedWeights } from './largest-remainder';
import { prepareWeights, splitByWeights } from './largest-remainder';
import type { EngineModel } from './model';
import { buildModel } from './model';
import type {
  PartyPeriodResult,
  PartyTotals,
  PeriodResult,
  ScenarioResult,
  ValueResult,
} from './result';
import { VALUE_FORMAT_V1 } from './result';
import { unanimityShapleyScaled } from './shapley';
import {
  addKpiTransfer,
  applyCaps,
  applyFloors,
  kpiTransfer,
  recoverCosts,
  splitTiered,
} from './steps';

/** Periods in which floors or caps could not be honoured, for the warnings. */
export interface ScenarioEvents {
  floorsExceeded: number[];
  capsOverflow: number[];
}

/** What an analysis may put in place of the term sheet's own figures for one scenario. */
export interface ScenarioOverrides {
  /** Per-period values replacing the scenario's drivers of those names. */
  drivers?: ReadonlyMap<string, Float64Array>;
  /** Costs still to recover from before period 1, per party position. */
  initialCarry?: readonly number[];
}

function firstFor(
  exitNets: readonly number[],
  netBelow: number,
  forPeriods: number,
): number | null {
  let run = 0;
  for (let t = 0; t < exitNets.length; t++) {
    run = (exitNets[t] ?? 0) < netBelow ? run + 1 : 0;
    if (run >= forPeriods) return t + 1;
  }
  return null;
}

/**
 * One scenario of an already validated term sheet. Analyses call it directly with a model they
 * built once, so that thousands of variants cost one scenario each rather than a whole sheet.
 */
export function computeScenario(
  ts: TermSheet,
  model: EngineModel,
  scenario: Scenario,
  events: ScenarioEvents = { floorsExceeded: [], capsOverflow: [] },
  overrides: ScenarioOverrides = {},
): ScenarioResult {
  const { n, partyIds } = model;
  const periods = ts.assumptions.periods;
  const drivers = new Map<string, Float64Array>();
  const driver = (name: string): Float64Array => {
    let series = drivers.get(name) ?? overrides.drivers?.get(name);
    if (!series) {
      const value = Object.prototype.hasOwnProperty.call(scenario.drivers, name)
        ? scenario.drivers[name]
        : undefined;
      series = value === undefined ? new Float64Array(periods) : driverSeries(value, periods);
      drivers.set(name, series);
    }
    return series;
  };

  // Step 1 for every period up front: Shapley needs each stream's revenue over the whole term.
  const volumes = model.streams.map((s) => driver(s.driver));
  const streamRevenue = model.streams.map((s, k) => {
    const v = volumes[k] ?? new Float64Array(periods);
    const out = new Float64Array(periods);
    for (let t = 0; t < periods; t++) out[t] = roundHalfAway((v[t] ?? 0) * s.unitPrice);
    return out;
  });
  const termRevenue = streamRevenue.map((r) => r.reduce((a, b) => a + b, 0));
  const shapley = unanimityShapleyScaled(
    n,
    model.streams.map((s, k) => ({ requires: s.requires, value: BigInt(termRevenue[k] ?? 0) })),
  );
  const shapleyTotal = shapley.reduce((a, b) => a + b, 0n);

  let splitWeights: PreparedWeights | null = null;
  if (model.split.method === 'fixed' || model.split.method === 'contribution') {
    splitWeights = model.split.weights;
  } else if (model.split.method === 'shapley') {
    splitWeights = prepareWeights(shapley);
  } else if (model.split.method === 'equal') {
    splitWeights = prepareWeights(partyIds.map(() => 1));
  }
  const kpiDrivers = model.kpis.map((k) => driver(k.driver));

  const carry = partyIds.map((_, i) => overrides.initialCarry?.[i] ?? 0);
  const nets: number[][] = partyIds.map(() => []);
  const totals = partyIds.map(() => ({
    allocation: 0,
    costs: 0,
    net: 0,
    recovered: 0,
    split: 0,
    kpi: 0,
  }));
  let poolTotal = 0;
  const periodResults: PeriodResult[] = [];

  for (let t = 0; t < periods; t++) {
    let pool = 0;
    for (const r of streamRevenue) pool += r[t] ?? 0;
    poolTotal += pool;

    // Step 2.
    const costs = new Array<number>(n).fill(0);
    for (const line of model.costLines) {
      let c = line.fixedPerPeriod + (t === 0 ? line.upfront : 0);
      if (line.perUnit) {
        c += roundHalfAway((volumes[line.perUnit.stream]?.[t] ?? 0) * line.perUnit.amount);
      }
      costs[line.party] = (costs[line.party] ?? 0) + c;
    }

    // Step 3.
    let recovered = new Array<number>(n).fill(0);
    let shared = pool;
    if (model.costRecovery) {
      const dues = costs.map((c, i) => c + (carry[i] ?? 0));
      const r = recoverCosts(pool, dues);
      recovered = r.recovered;
      shared = r.remaining;
      for (let i = 0; i < n; i++) carry[i] = (dues[i] ?? 0) - (recovered[i] ?? 0);
    }

    // Step 4.
    let split =
      model.split.method === 'tiered'
        ? splitTiered(shared, model.split.tiers, n)
        : splitByWeights(shared, splitWeights ?? prepareWeights(partyIds.map(() => 1)));

    // Steps 5 and 6.
    if (model.floors) {
      const f = applyFloors(shared, split, model.floors);
      split = f.split;
      if (f.exceeded) events.floorsExceeded.push(t + 1);
    }
    if (model.caps) {
      const c = applyCaps(shared, split, model.caps, model.lead);
      split = c.split;
      if (c.overflow) events.capsOverflow.push(t + 1);
    }

    // Step 7.
    const kpi = new Array<number>(n).fill(0);
    model.kpis.forEach((k, j) => {
      addKpiTransfer(kpi, k, kpiTransfer(k, kpiDrivers[j]?.[t] ?? 0));
    });

    // Step 8.
    const parties: Record<string, PartyPeriodResult> = {};
    for (let i = 0; i < n; i++) {
      const rec = recovered[i] ?? 0;
      const s = split[i] ?? 0;
      const k = kpi[i] ?? 0;
      const c = costs[i] ?? 0;
      const allocation = rec + s + k;
      const net = allocation - c;
      parties[partyIds[i] ?? ''] = {
        costs: c,
        recovered: rec,
        split: s,
        kpi: k,
        allocation,
        net,
        unrecovered: carry[i] ?? 0,
      };
      const tot = totals[i];
      if (tot) {
        tot.allocation += allocation;
        tot.costs += c;
        tot.net += net;
        tot.recovered += rec;
        tot.split += s;
        tot.kpi += k;
      }
      nets[i]?.push(net);
    }
    periodResults.push({ t: t + 1, pool, shared, parties });
  }

  const factor = periodDiscountFactor(ts.assumptions.discountRatePct, ts.assumptions.periodUnit);
  const allocationTotal = totals.reduce((a, tot) => a + tot.allocation, 0);
  const contributionTotal = model.contribution?.reduce((a, b) => a + b, 0n) ?? 0n;
  const totalsOut: Record<string, PartyTotals> = {};
  partyIds.forEach((id, i) => {
    const tot = totals[i] ?? { allocation: 0, costs: 0, net: 0, recovered: 0, split: 0, kpi: 0 };
    const partyNets = nets[i] ?? [];
    let exit: number | null = null;
    for (const trigger of model.triggers) {
      if (trigger.party !== i) continue;
      const at = firstFor(partyNets, trigger.netBelow, trigger.forPeriods);
      if (at !== null && (exit === null || at < exit)) exit = at;
    }
    let legacyNet: number | null = null;
    if (model.legacyPay) {
      const pay = model.legacyPay[i] ?? 0;
      const payAll = model.legacyPay.reduce((a, b) => a + b, 0);
      legacyNet = pay * periods + (i === model.lead ? poolTotal - payAll * periods : 0) - tot.costs;
    }
    totalsOut[id] = {
      allocation: tot.allocation,
      costs: tot.costs,
      net: tot.net,
      npv: npv(partyNets, factor),
      recovered: tot.recovered,
      split: tot.split,
      kpi: tot.kpi,
      allocationSharePct: sharePct(tot.allocation, allocationTotal),
      shapleySharePct: shapleyTotal > 0n ? sharePct(shapley[i] ?? 0n, shapleyTotal) : null,
      contributionSharePct:
        model.contribution && contributionTotal > 0n
          ? sharePct(model.contribution[i] ?? 0n, contributionTotal)
          : null,
      exitTriggerPeriod: exit,
      legacyNet,
    };
  });

  return { id: scenario.id, name: scenario.name, periods: periodResults, totals: totalsOut };
}

function describePeriods(list: readonly number[]): string {
  const shown = list.slice(0, 5).join(', ');
  return list.length > 5 ? `${shown} and ${list.length - 5} more` : shown;
}

/** Runs the engine on an already validated term sheet. */
export function computeValidTermSheet(ts: TermSheet, issues: readonly Issue[] = []): ValueResult {
  const model = buildModel(ts);
  const all = [...issues];
  const scenarios = ts.assumptions.scenarios.map((scenario) => {
    const events: ScenarioEvents = { floorsExceeded: [], capsOverflow: [] };
    const result = computeScenario(ts, model, scenario, events);
    if (events.floorsExceeded.length > 0 && model.floorsClause) {
      all.push({
        severity: 'warning',
        code: 'floors-exceed-pool',
        path: `clauses.${model.floorsClause.index}.params.floors`,
        message: `In scenario "${scenario.id}", the floors together exceed the pool left to share in period(s) ${describePeriods(events.floorsExceeded)}; there it is split in proportion to the floors`,
        clauseId: model.floorsClause.id,
        param: 'floors',
      });
    }
    if (events.capsOverflow.length > 0 && model.capsClause) {
      all.push({
        severity: 'warning',
        code: 'caps-exceed-pool',
        path: `clauses.${model.capsClause.index}.params.caps`,
        message: `In scenario "${scenario.id}", the caps leave an excess no uncapped party can take in period(s) ${describePeriods(events.capsOverflow)}; it goes to the lead party "${model.partyIds[model.lead] ?? ''}"`,
        clauseId: model.capsClause.id,
        param: 'caps',
      });
    }
    return result;
  });
  return { format: VALUE_FORMAT_V1, issues: all, scenarios };
}

/**
 * The value engine: validates any input and, when it has no error, computes `parley.value/v1`
 * for every scenario. Never throws; problems come back as issues and then there are no results.
 */
export function computeValue(input: unknown): ValueResult {
  const { termsheet, issues } = validateTermSheet(input);
  if (!termsheet || hasErrors(issues)) return { format: VALUE_FORMAT_V1, issues, scenarios: [] };
  try {
    return computeValidTermSheet(termsheet, issues);
  } catch (error) {
    return {
      format: VALUE_FORMAT_V1,
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'internal-error',
          path: '',
          message: `The value could not be computed: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
      scenarios: [],
    };
  }
}
