// Sensitivity (tornado): every numeric parameter and driver that can change a party's figures,
// moved down and up by a step one at a time, each variant computed exactly on the engine.
import { buildModel } from '../engine/model';
import type { EngineModel } from '../engine/model';
import type { Issue } from '../termsheet/issues';
import { MAX_NUMBER } from '../termsheet/primitives';
import type { DriverValue, TermSheet } from '../termsheet/schema';
import { semanticIssues } from '../termsheet/semantic-rules';
import { roundHalfAway, roundPercent } from '../termsheet/units';
import { moveShare, withClauseValue, withValue } from './edit';
import { cents, failed, optionIssue, pct, succeeded } from './outcome';
import type { Analysis } from './outcome';
import type { NumericParam, ParamUnit, Segment } from './param-fields';
import { numericParams } from './param-fields';
import { findParty, findScenario, isIssue, isPrepared, prepare } from './prepare';
import { runScenario } from './scenario-run';
import type {
  SensitivityEntry,
  SensitivityMove,
  SensitivityResult,
  SensitivityTarget,
} from './sensitivity-result';

export interface SensitivityOptions {
  /** The scenario to move (default: the first). */
  scenarioId?: string;
  partyId: string;
  /** The size of the move in percent of each value (default 10). */
  stepPct?: number;
}

interface Candidate {
  target: SensitivityTarget;
  path: string;
  label: string;
  unit: ParamUnit;
  base: number | null;
  /** The sheet with the value at `m` % of itself (100 ± step), or why that is not allowed. */
  move(m: number): { sheet: TermSheet; value: number | null; sameModel: boolean } | Issue;
}

function rangeIssue(path: string, label: string, value: number, min: number, max: number): Issue {
  return {
    severity: 'error',
    code: 'invalid-field',
    path,
    message: `${label} would be ${value}, outside the allowed ${min} to ${max}`,
  };
}

/** v × m / 100: exact for whole values and whole percentages of them. */
function at(value: number, m: number): number {
  return (value * m) / 100;
}

/** The moved value in the parameter's own resolution: cents, or 4 decimals for percentages. */
function scaled(value: number, unit: ParamUnit, m: number): number {
  const raw = at(value, m);
  if (unit === 'amount') return roundHalfAway(raw);
  if (unit === 'share' || unit === 'percent') return roundPercent(raw);
  return raw;
}

function paramCandidate(ts: TermSheet, p: NumericParam): Candidate {
  const path = ['clauses', p.clauseIndex, 'params', ...p.segments].join('.');
  return {
    target: { kind: 'param', clauseId: p.clauseId, param: p.param },
    path,
    label: p.label,
    unit: p.unit,
    base: p.value,
    move(m) {
      const value = scaled(p.value, p.unit, m);
      if (value < p.min || value > p.max) return rangeIssue(path, p.label, value, p.min, p.max);
      if (p.split) {
        const record = resolve(ts.clauses[p.clauseIndex]?.params, p.split.record);
        const moved = moveShare(record as Record<string, number>, p.split.party, value);
        if (!moved) return rangeIssue(path, p.label, value, p.min, p.max);
        return {
          sheet: withClauseValue(ts, p.clauseIndex, p.split.record, moved),
          value,
          sameModel: false,
        };
      }
      return {
        sheet: withClauseValue(ts, p.clauseIndex, p.segments, value),
        value,
        sameModel: false,
      };
    },
  };
}

function resolve(container: unknown, segments: readonly Segment[]): unknown {
  let current = container;
  for (const s of segments) current = (current as Record<string, unknown>)[String(s)];
  return current;
}

/** The drivers a stream or a KPI reads; the others cannot change any figure. */
function usedDrivers(model: EngineModel): Set<string> {
  return new Set([...model.streams.map((s) => s.driver), ...model.kpis.map((k) => k.driver)]);
}

function driverCandidates(
  ts: TermSheet,
  model: EngineModel,
  scenarioIndex: number,
  skipped: SensitivityResult['skipped'],
): Candidate[] {
  const scenario = ts.assumptions.scenarios[scenarioIndex];
  if (!scenario) return [];
  const used = usedDrivers(model);
  const out: Candidate[] = [];
  for (const [name, driver] of Object.entries(scenario.drivers)) {
    const where = ['assumptions', 'scenarios', scenarioIndex, 'drivers', name];
    if (!used.has(name)) {
      skipped.push({ path: where.join('.'), label: `Driver ${name}`, reason: 'no-effect' });
      continue;
    }
    const target = (field: 'value' | 'start' | 'growthPct' | 'series'): SensitivityTarget => ({
      kind: 'driver',
      scenarioId: scenario.id,
      driver: name,
      field,
    });
    const set = (value: DriverValue) => withValue(ts, where, value);
    const bounded = (
      path: string,
      label: string,
      values: readonly number[],
      value: number | null,
    ) => {
      const bad = values.find((v) => Math.abs(v) > MAX_NUMBER);
      return bad === undefined
        ? null
        : rangeIssue(path, label, value ?? bad, -MAX_NUMBER, MAX_NUMBER);
    };
    if (typeof driver === 'number') {
      const path = where.join('.');
      const label = `Driver ${name}`;
      out.push({
        target: target('value'),
        path,
        label,
        unit: 'number',
        base: driver,
        move: (m) => {
          const value = at(driver, m);
          return (
            bounded(path, label, [value], value) ?? { sheet: set(value), value, sameModel: true }
          );
        },
      });
    } else if ('series' in driver) {
      const path = [...where, 'series'].join('.');
      const label = `Driver ${name} (every period)`;
      out.push({
        target: target('series'),
        path,
        label,
        unit: 'number',
        base: driver.series.every((v) => v === 0) ? 0 : null,
        move: (m) => {
          const series = driver.series.map((v) => at(v, m));
          return (
            bounded(path, label, series, null) ?? {
              sheet: set({ ...driver, series }),
              value: null,
              sameModel: true,
            }
          );
        },
      });
    } else {
      const path = [...where, 'start'].join('.');
      const label = `Driver ${name} (start)`;
      out.push({
        target: target('start'),
        path,
        label,
        unit: 'number',
        base: driver.start,
        move: (m) => {
          const value = at(driver.start, m);
          return (
            bounded(path, label, [value], value) ?? {
              sheet: set({ ...driver, start: value }),
              value,
              sameModel: true,
            }
          );
        },
      });
      const growthPath = [...where, 'growthPct'].join('.');
      const growthLabel = `Driver ${name} (growth % per period)`;
      out.push({
        target: target('growthPct'),
        path: growthPath,
        label: growthLabel,
        unit: 'percent',
        base: driver.growthPct,
        move: (m) => {
          const value = roundPercent(at(driver.growthPct, m));
          if (value <= -100 || value > 1000)
            return rangeIssue(growthPath, growthLabel, value, -99.9999, 1000);
          return { sheet: set({ ...driver, growthPct: value }), value, sameModel: true };
        },
      });
    }
  }
  return out.filter((c) => {
    if (c.base !== 0) return true;
    skipped.push({ path: c.path, label: c.label, reason: 'zero' });
    return false;
  });
}

function discountCandidate(ts: TermSheet): Candidate {
  const base = ts.assumptions.discountRatePct;
  const path = 'assumptions.discountRatePct';
  return {
    target: { kind: 'assumption', field: 'discountRatePct' },
    path,
    label: 'Discount rate (annual %)',
    unit: 'percent',
    base,
    move(m) {
      const value = roundPercent(at(base, m));
      if (value > 1000) return rangeIssue(path, 'Discount rate (annual %)', value, 0, 1000);
      return {
        sheet: withValue(ts, ['assumptions', 'discountRatePct'], value),
        value,
        sameModel: true,
      };
    },
  };
}

interface Evaluator {
  base: { net: number; npv: number };
  evaluate(sheet: TermSheet, sameModel: boolean): { net: number; npv: number } | Issue[];
}

function evaluator(
  ts: TermSheet,
  model: EngineModel,
  scenarioIndex: number,
  partyId: string,
): Evaluator {
  const figures = (sheet: TermSheet, m: EngineModel) => {
    const scenario = sheet.assumptions.scenarios[scenarioIndex];
    if (!scenario) return { net: 0, npv: 0 };
    const totals = runScenario(sheet, m, scenario).totals[partyId];
    return { net: totals?.net ?? 0, npv: totals?.npv ?? 0 };
  };
  return {
    base: figures(ts, model),
    evaluate(sheet, sameModel) {
      // The moved value is structurally valid by construction; the rules between values
      // (floors under caps, ordered tiers, sizes) are checked on every variant.
      const errors = semanticIssues(sheet).filter((i) => i.severity === 'error');
      if (errors.length > 0) return errors;
      return figures(sheet, sameModel ? model : buildModel(sheet));
    },
  };
}

function move(candidate: Candidate, m: number, ev: Evaluator): SensitivityMove {
  const moved = candidate.move(m);
  const none = { net: null, npv: null, netChange: null, npvChange: null };
  if (isIssue(moved)) return { value: null, ...none, issues: [moved] };
  const result = ev.evaluate(moved.sheet, moved.sameModel);
  if (Array.isArray(result)) return { value: moved.value, ...none, issues: result };
  return {
    value: moved.value,
    net: cents(result.net),
    npv: cents(result.npv),
    netChange: cents(result.net - ev.base.net),
    npvChange: cents(result.npv - ev.base.npv),
    issues: [],
  };
}

function swing(down: number | null, up: number | null): number {
  if (down !== null && up !== null) return Math.abs(up - down);
  return Math.abs(down ?? up ?? 0);
}

/**
 * Moves each numeric parameter of the calculator clauses, each driver of the scenario and the
 * discount rate by −step % and +step %, one at a time, and reports the change in the party's net
 * and NPV over the term, largest first. A share of a split moves against the split's other shares
 * in proportion to their values, so the split still sums to 100.
 */
export function sensitivity(
  input: unknown,
  options: SensitivityOptions,
): Analysis<'sensitivity', SensitivityResult> {
  const prepared = prepare(input);
  if (!isPrepared(prepared)) return failed('sensitivity', prepared.issues);
  const { ts, model } = prepared;
  const step = options.stepPct ?? 10;
  if (!Number.isFinite(step) || step <= 0 || step > 100) {
    return failed('sensitivity', [
      optionIssue('invalid-option', `The step must be more than 0 and at most 100 %, not ${step}`),
    ]);
  }
  const found = findScenario(ts, options.scenarioId);
  const party = findParty(ts, options.partyId);
  const problems = [found, party].filter(isIssue);
  if (problems.length > 0 || isIssue(found)) return failed('sensitivity', problems);

  const ev = evaluator(ts, model, found.index, options.partyId);
  const skipped: SensitivityResult['skipped'] = [];
  const candidates: Candidate[] = [];
  for (const p of numericParams(ts)) {
    const path = ['clauses', p.clauseIndex, 'params', ...p.segments].join('.');
    if (p.effect !== 'value') skipped.push({ path, label: p.label, reason: 'no-effect' });
    else if (p.unit === 'count') skipped.push({ path, label: p.label, reason: 'count' });
    else if (p.value === 0) skipped.push({ path, label: p.label, reason: 'zero' });
    else candidates.push(paramCandidate(ts, p));
  }
  candidates.push(...driverCandidates(ts, model, found.index, skipped));
  if (ts.assumptions.discountRatePct !== 0) candidates.push(discountCandidate(ts));

  const entries: SensitivityEntry[] = candidates.map((c) => {
    const down = move(c, 100 - step, ev);
    const up = move(c, 100 + step, ev);
    return {
      target: c.target,
      path: c.path,
      label: c.label,
      unit: c.unit,
      base: c.base,
      down,
      up,
      netSwing: cents(swing(down.netChange, up.netChange)),
      npvSwing: cents(swing(down.npvChange, up.npvChange)),
    };
  });
  const order = new Map(entries.map((e, i) => [e, i]));
  entries.sort(
    (a, b) =>
      b.netSwing - a.netSwing ||
      b.npvSwing - a.npvSwing ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  return succeeded('sensitivity', prepared.issues, {
    scenarioId: found.scenario.id,
    partyId: options.partyId,
    stepPct: pct(step),
    net: cents(ev.base.net),
    npv: cents(ev.base.npv),
    entries,
    skipped,
  });
}
