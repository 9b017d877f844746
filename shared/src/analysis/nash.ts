// The mediator's fair-settlement search: inside every bound the parties shared with the mediator,
// the parameter values that maximise the product of each party's NPV gain over the legacy deal
// (the Nash bargaining solution), by a deterministic pattern search on the engine. It takes the
// shared bounds and nothing else: there is no way to hand it a private position.
import { npv, periodDiscountFactor } from '../engine/discount';
import { buildModel } from '../engine/model';
import type { EngineModel } from '../engine/model';
import type { Issue } from '../termsheet/issues';
import { resolveParamPath } from '../termsheet/param-refs';
import type { Scenario, TermSheet } from '../termsheet/schema';
import { semanticIssues } from '../termsheet/semantic-rules';
import { weightedAverage } from './exact';
import type { NashBasis, NashParameter, NashProposal, NashResult } from './nash-result';
import type { Change, Coordinate, Space } from './nash-space';
import { applyPoint, buildSpace, startPoint, toResolution } from './nash-space';
import { cents, failed, optionIssue, succeeded } from './outcome';
import type { Analysis } from './outcome';
import { findScenario, isIssue, isPrepared, prepare } from './prepare';
import { scenarioWeights } from './probability';
import { runScenario } from './scenario-run';
import type { SharedBound } from './shared-bounds';
import { isSharedBound } from './shared-bounds';

export interface NashOptions {
  /** Maximise NPVs of this scenario only (default: over every scenario, by probability if the
   * sheet has probabilities, else equally). */
  scenarioId?: string;
  /** What each party has if there is no agreement: its NPV under the legacy deal (default), or
   * nothing at all (`no-deal`: NPV 0). */
  disagreement?: 'legacy' | 'no-deal';
  /** The most engine evaluations the search may spend (default 3,000). */
  maxEvaluations?: number;
}

export const DEFAULT_MAX_EVALUATIONS = 3000;

type Score =
  | { feasible: false }
  | { feasible: true; allPositive: boolean; product: bigint; minGain: number; sumGain: number };

interface Evaluation {
  score: Score;
  npvs: number[];
}

interface Basis {
  description: NashBasis;
  scenarios: Scenario[];
  weights: number[];
}

function basisOf(ts: TermSheet, scenarioId: string | undefined): Basis | Issue {
  if (scenarioId !== undefined) {
    const found = findScenario(ts, scenarioId);
    if (isIssue(found)) return found;
    return {
      description: { kind: 'scenario', scenarioId: found.scenario.id },
      scenarios: [found.scenario],
      weights: [1],
    };
  }
  const scenarios = ts.assumptions.scenarios;
  const weights = scenarioWeights(ts);
  return weights
    ? {
        description: { kind: 'probability-weighted' },
        scenarios,
        weights: scenarios.map((s) => weights.get(s.id) ?? 0),
      }
    : { description: { kind: 'equal-weights' }, scenarios, weights: scenarios.map(() => 1) };
}

/** Each party's NPV, averaged over the basis. */
function basisNpvs(ts: TermSheet, model: EngineModel, basis: Basis): number[] {
  const perScenario = basis.scenarios.map((s) => runScenario(ts, model, s).totals);
  return model.partyIds.map((id) =>
    weightedAverage(
      perScenario.map((t) => t[id]?.npv ?? 0),
      basis.weights,
    ),
  );
}

/** The disagreement point: each party's NPV under the legacy deal on the sheet as it stands. */
function legacyNpvs(ts: TermSheet, model: EngineModel, basis: Basis): number[] {
  const pay = model.legacyPay;
  if (!pay) return model.partyIds.map(() => 0);
  const payAll = pay.reduce((a, b) => a + b, 0);
  const factor = periodDiscountFactor(ts.assumptions.discountRatePct, ts.assumptions.periodUnit);
  const perScenario = basis.scenarios.map((s) => {
    const result = runScenario(ts, model, s);
    return model.partyIds.map((id, i) =>
      npv(
        result.periods.map(
          (p) =>
            (pay[i] ?? 0) + (i === model.lead ? p.pool - payAll : 0) - (p.parties[id]?.costs ?? 0),
        ),
        factor,
      ),
    );
  });
  return model.partyIds.map((_, i) =>
    weightedAverage(
      perScenario.map((n) => n[i] ?? 0),
      basis.weights,
    ),
  );
}

function scoreOf(npvs: readonly number[], legacy: readonly number[]): Score {
  const gains = npvs.map((v, i) => v - (legacy[i] ?? 0));
  const allPositive = gains.every((g) => g > 0);
  return {
    feasible: true,
    allPositive,
    product: allPositive ? gains.reduce((p, g) => p * BigInt(g), 1n) : 0n,
    minGain: Math.min(...gains),
    sumGain: gains.reduce((a, b) => a + b, 0),
  };
}

/** Whether a is strictly better than b: any feasible point beats an infeasible one, a point where
 * every party gains beats one where some do not, then the larger product (or smallest gain). */
function better(a: Score, b: Score): boolean {
  if (!a.feasible) return false;
  if (!b.feasible) return true;
  if (a.allPositive !== b.allPositive) return a.allPositive;
  if (a.allPositive) return a.product > b.product;
  return a.minGain > b.minGain || (a.minGain === b.minGain && a.sumGain > b.sumGain);
}

interface Searcher {
  evaluate(x: readonly number[]): Evaluation;
  count(): number;
}

function searcher(
  ts: TermSheet,
  space: Space,
  basis: Basis,
  legacy: readonly number[],
  budget: number,
): Searcher {
  const memo = new Map<string, Evaluation>();
  let evaluations = 0;
  const infeasible: Evaluation = { score: { feasible: false }, npvs: [] };
  return {
    count: () => evaluations,
    evaluate(x) {
      const k = x.join(',');
      const hit = memo.get(k);
      if (hit) return hit;
      if (evaluations >= budget) return infeasible;
      evaluations++;
      const applied = applyPoint(ts, space, x);
      let out = infeasible;
      if (applied && !semanticIssues(applied.sheet).some((i) => i.severity === 'error')) {
        const npvs = basisNpvs(applied.sheet, buildModel(applied.sheet), basis);
        out = { score: scoreOf(npvs, legacy), npvs };
      }
      memo.set(k, out);
      return out;
    },
  };
}

/** Compass search: try each coordinate one step up and down, take the first improvement; when
 * nothing improves, halve the steps; stop once a sweep at the resolution improves nothing. */
function patternSearch(
  space: Space,
  s: Searcher,
  budget: number,
  start: number[],
): { x: number[]; ev: Evaluation; converged: boolean } {
  const coords = space.coordinates;
  let x = start.slice();
  let ev = s.evaluate(x);
  const steps = coords.map((c) => Math.max((c.hi - c.lo) / 4, c.resolution));
  for (;;) {
    if (s.count() >= budget) return { x, ev, converged: false };
    let improved = false;
    coords.forEach((c, j) => {
      if (c.hi === c.lo) return;
      for (const dir of [1, -1]) {
        const y = x.slice();
        const target = (x[j] ?? c.lo) + dir * (steps[j] ?? c.resolution);
        y[j] = Math.min(c.hi, Math.max(c.lo, toResolution(c.p, target, dir > 0 ? 'down' : 'up')));
        if (y[j] === x[j]) continue;
        const ey = s.evaluate(y);
        if (better(ey.score, ev.score)) {
          x = y;
          ev = ey;
          improved = true;
          return;
        }
      }
    });
    if (improved) continue;
    const atResolution = coords.every((c, j) => (steps[j] ?? 0) <= c.resolution);
    if (atResolution) return { x, ev, converged: true };
    coords.forEach((c, j) => {
      steps[j] = Math.max((steps[j] ?? 0) / 2, c.resolution);
    });
  }
}

function boundsHold(sheet: TermSheet, bounds: readonly SharedBound[], space: Space): boolean {
  const used = new Set(space.coordinates.map((c) => `${c.p.clauseId}\u0000${c.p.param}`));
  for (const split of space.splits) {
    if (split.dependent) used.add(`${split.dependent.p.clauseId}\u0000${split.dependent.p.param}`);
  }
  return bounds.every((b) => {
    if (!used.has(`${b.clauseId}\u0000${b.param}`)) return true;
    const clause = sheet.clauses.find((c) => c.id === b.clauseId);
    const value = resolveParamPath(clause?.params, b.param);
    if (typeof value !== 'number') return false;
    return b.bound === 'min' ? value >= b.value : value <= b.value;
  });
}

function proposalsOf(changes: readonly Change[]): NashProposal[] {
  const byClause = new Map<string, NashProposal>();
  const sorted = [...changes].sort((a, b) => a.clauseIndex - b.clauseIndex);
  for (const c of sorted) {
    const p = byClause.get(c.clauseId) ?? { clauseId: c.clauseId, params: [] };
    p.params.push({ path: c.param, value: c.to });
    byClause.set(c.clauseId, p);
  }
  return [...byClause.values()];
}

/**
 * Suggests the values, inside every shared bound, that maximise Π (NPV − legacy NPV) over the
 * parties, or says which shared bounds conflict. `sharedBounds` must come from `sharedBound` or
 * `sharedBoundsOf`: only positions the parties shared with the mediator.
 */
export function nashSettlement(
  input: unknown,
  sharedBounds: readonly SharedBound[],
  options: NashOptions = {},
): Analysis<'nash-settlement', NashResult> {
  if (!Array.isArray(sharedBounds) || !sharedBounds.every(isSharedBound)) {
    return failed('nash-settlement', [
      optionIssue(
        'invalid-option',
        'Only bounds the parties shared with the mediator may be searched; a bound that is not shared was passed, and nothing was computed',
      ),
    ]);
  }
  const prepared = prepare(input);
  if (!isPrepared(prepared)) return failed('nash-settlement', prepared.issues);
  const { ts, model } = prepared;
  const budget = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const problems: Issue[] = [];
  if (options.disagreement !== undefined && !['legacy', 'no-deal'].includes(options.disagreement)) {
    problems.push(optionIssue('invalid-option', `disagreement must be "legacy" or "no-deal"`));
  }
  if (!Number.isInteger(budget) || budget < 1) {
    problems.push(
      optionIssue('invalid-option', `maxEvaluations must be a whole number above 0, not ${budget}`),
    );
  }
  const basis = basisOf(ts, options.scenarioId);
  if (isIssue(basis)) problems.push(basis);
  if (problems.length > 0 || isIssue(basis)) return failed('nash-settlement', problems);

  const disagreement = options.disagreement ?? 'legacy';
  const legacy =
    disagreement === 'legacy' ? legacyNpvs(ts, model, basis) : model.partyIds.map(() => 0);
  const current = basisNpvs(ts, model, basis);
  const space = buildSpace(ts, sharedBounds);
  const partiesAt = (npvs: readonly number[]): NashResult['parties'] =>
    Object.fromEntries(
      model.partyIds.map((id, i) => [
        id,
        {
          currentNpv: cents(current[i] ?? 0),
          legacyNpv: cents(legacy[i] ?? 0),
          npv: cents(npvs[i] ?? 0),
          gain: cents((npvs[i] ?? 0) - (legacy[i] ?? 0)),
        },
      ]),
    );
  const empty = {
    basis: basis.description,
    disagreement,
    parameters: [],
    changes: [],
    proposals: [],
    parties: partiesAt(current),
    conflicts: space.conflicts,
    splitConflicts: space.splitConflicts,
    ignored: space.ignored,
    evaluations: 0,
    converged: true,
  };
  if (space.conflicts.length > 0 || space.splitConflicts.length > 0) {
    return succeeded('nash-settlement', prepared.issues, { status: 'conflict', ...empty });
  }
  if (space.coordinates.length === 0 && space.splits.every((s) => !s.dependent)) {
    return succeeded('nash-settlement', prepared.issues, { status: 'nothing-to-search', ...empty });
  }

  const s = searcher(ts, space, basis, legacy, budget);
  const starts = [
    startPoint(
      space,
      space.coordinates.map((c) => c.p.value),
    ),
    startPoint(
      space,
      space.coordinates.map((c) => (c.lo + c.hi) / 2),
    ),
  ];
  let best: { x: number[]; ev: Evaluation; converged: boolean } | null = null;
  let converged = true;
  for (const start of starts) {
    const run = patternSearch(space, s, budget, start);
    converged = converged && run.converged;
    if (!best || better(run.ev.score, best.ev.score)) best = run;
  }
  const applied = best ? applyPoint(ts, space, best.x) : null;
  if (!best || !applied || !best.ev.score.feasible) {
    // Every point tried breaks a rule of the format (a floor above a cap, unordered tiers...).
    return succeeded('nash-settlement', prepared.issues, {
      status: 'no-gain',
      ...empty,
      evaluations: s.count(),
      converged,
    });
  }
  if (!boundsHold(applied.sheet, sharedBounds, space)) {
    // Cannot happen by construction; checked so that no suggestion ever breaks a shared bound.
    return failed('nash-settlement', [
      {
        severity: 'error',
        code: 'internal-error',
        path: '',
        message: 'The settlement search left a shared bound; no suggestion is made',
      },
    ]);
  }
  const valueOf = (c: Coordinate): number => {
    const clause = applied.sheet.clauses[c.p.clauseIndex];
    const v = resolveParamPath(clause?.params, c.p.param);
    return typeof v === 'number' ? v : c.p.value;
  };
  const listed = [
    ...space.coordinates,
    ...space.splits.flatMap((sp) => (sp.dependent ? [sp.dependent] : [])),
  ].sort((a, b) => a.p.clauseIndex - b.p.clauseIndex || (a.p.param < b.p.param ? -1 : 1));
  const parameters: NashParameter[] = listed.map((c) => ({
    clauseId: c.p.clauseId,
    param: c.p.param,
    label: c.p.label,
    current: c.p.value,
    value: valueOf(c),
    highestMin: c.highestMin,
    lowestMax: c.lowestMax,
    searchedFrom: c.lo,
    searchedTo: c.hi,
  }));
  return succeeded('nash-settlement', prepared.issues, {
    status: best.ev.score.allPositive ? 'found' : 'no-gain',
    ...empty,
    parameters,
    changes: applied.changes.map(({ clauseId, param, from, to }) => ({
      clauseId,
      param,
      from,
      to,
    })),
    proposals: proposalsOf(applied.changes),
    parties: partiesAt(best.ev.npvs),
    evaluations: s.count(),
    converged,
  });
}
