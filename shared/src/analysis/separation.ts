// Separation ("if X leaves in period t"): the leaver serves its notice under the deal as it is,
// settles at the end of its last period by the exit clause's terms, and the continuing parties
// carry on under the sheet without it. Every settlement paid is a settlement received.
import { npv, periodDiscountFactor } from '../engine/discount';
import { largestRemainder } from '../engine/largest-remainder';
import { buildModel } from '../engine/model';
import type { EngineModel } from '../engine/model';
import type { ScenarioResult } from '../engine/result';
import type { Issue } from '../termsheet/issues';
import type { ClauseOfKind, Scenario, TermSheet } from '../termsheet/schema';
import { semanticIssues } from '../termsheet/semantic-rules';
import { percentOf } from './exact';
import { cents, failed, optionIssue, pct, succeeded } from './outcome';
import type { Analysis } from './outcome';
import { findParty, findScenario, isIssue, isPrepared, prepare } from './prepare';
import { runScenario } from './scenario-run';
import type { SeparationResult, SeparationScenario } from './separation-result';
import { continuingSheet, continuingWeights, streamStatuses } from './separation-sheet';

export interface SeparationOptions {
  /** The party that leaves. */
  partyId: string;
  /** The period (1-based) in which it gives notice. */
  period: number;
  /** Only this scenario (default: every scenario). */
  scenarioId?: string;
}

type Terms = SeparationResult['terms'] & {
  reimbursementSplit: Record<string, number> | undefined;
  feeSplit: Record<string, number> | undefined;
};

function termsOf(ts: TermSheet): Terms {
  const exit = ts.clauses.find((c) => c.kind === 'exit') as ClauseOfKind<'exit'> | undefined;
  const s = exit?.params.settlement;
  return {
    noticePeriods: exit?.params.noticePeriods ?? 0,
    reimbursedPct: pct(s?.reimbursement?.sharePct ?? 0),
    terminationFee: cents(s?.terminationFee?.amount ?? 0),
    waivedOnTrigger: s?.terminationFee?.waivedOnTrigger ?? false,
    streamsOnExit: s?.streamsOnExit ?? 'stop',
    reimbursementSplit: s?.reimbursement?.split,
    feeSplit: s?.terminationFee?.split,
  };
}

function upfrontOf(ts: TermSheet, party: string): number {
  const costs = ts.clauses.find((c) => c.kind === 'costs') as ClauseOfKind<'costs'> | undefined;
  return (costs?.params.costs ?? [])
    .filter((line) => line.party === party)
    .reduce((sum, line) => sum + (line.upfront ?? 0), 0);
}

interface Figures {
  allocation: number;
  costs: number;
  net: number;
}

function settle(
  ts: TermSheet,
  terms: Terms,
  baseline: ScenarioResult,
  leaver: string,
  noticePeriod: number,
  lastPeriod: number,
): SeparationScenario['settlement'] & { triggerFired: boolean } {
  const continuing = ts.parties.map((p) => p.id).filter((id) => id !== leaver);
  let cumulative = 0;
  for (const period of baseline.periods.slice(0, lastPeriod)) {
    cumulative += period.parties[leaver]?.net ?? 0;
  }
  const unrecovered = Math.min(upfrontOf(ts, leaver), Math.max(0, -cumulative));
  const reimbursement = percentOf(unrecovered, terms.reimbursedPct);
  const fired = baseline.totals[leaver]?.exitTriggerPeriod ?? null;
  const triggerFired = fired !== null && fired <= noticePeriod;
  const feeWaived = terms.waivedOnTrigger && triggerFired && terms.terminationFee > 0;
  const fee = feeWaived ? 0 : terms.terminationFee;
  const paid = largestRemainder(
    reimbursement,
    continuingWeights(terms.reimbursementSplit, continuing),
  );
  const received = largestRemainder(fee, continuingWeights(terms.feeSplit, continuing));
  const transfers: Record<string, ReturnType<typeof cents>> = {};
  for (const p of ts.parties) transfers[p.id] = cents(p.id === leaver ? reimbursement - fee : 0);
  continuing.forEach((id, i) => {
    transfers[id] = cents((received[i] ?? 0) - (paid[i] ?? 0));
  });
  return {
    unrecoveredUpfront: cents(unrecovered),
    reimbursement: cents(reimbursement),
    terminationFee: cents(fee),
    feeWaived,
    transfers,
    triggerFired,
  };
}

function scenarioSeparation(
  ts: TermSheet,
  model: EngineModel,
  scenario: Scenario,
  scenarioIndex: number,
  terms: Terms,
  leaver: string,
  noticePeriod: number,
  after: { sheet: TermSheet; model: EngineModel } | null,
): SeparationScenario {
  const periods = ts.assumptions.periods;
  const lastPeriod = Math.min(periods, noticePeriod + terms.noticePeriods);
  const exitPeriod = lastPeriod < periods ? lastPeriod + 1 : null;
  const baseline = runScenario(ts, model, scenario);
  const settlement = settle(ts, terms, baseline, leaver, noticePeriod, lastPeriod);
  const { triggerFired, ...settled } = settlement;
  if (exitPeriod === null) {
    // The term ends before the exit takes effect: nobody leaves early, nothing is settled.
    for (const id of Object.keys(settled.transfers)) settled.transfers[id] = cents(0);
    settled.reimbursement = cents(0);
    settled.terminationFee = cents(0);
    settled.feeWaived = false;
  }

  // Before the exit: the baseline's periods. After it: the continuing sheet, carrying the
  // continuing parties' unrecovered costs into its first period.
  const combined: SeparationScenario['periods'] = baseline.periods
    .slice(0, lastPeriod)
    .map((p) => ({
      t: p.t,
      pool: cents(p.pool),
      parties: Object.fromEntries(
        ts.parties.map((party) => {
          const f = p.parties[party.id];
          return [
            party.id,
            {
              allocation: cents(f?.allocation ?? 0),
              costs: cents(f?.costs ?? 0),
              net: cents(f?.net ?? 0),
            },
          ];
        }),
      ),
    }));
  if (exitPeriod !== null && after) {
    const carried = baseline.periods[lastPeriod - 1]?.parties ?? {};
    const initialCarry = after.model.partyIds.map((id) => carried[id]?.unrecovered ?? 0);
    const continuingScenario = after.sheet.assumptions.scenarios[scenarioIndex] as Scenario;
    const rest = runScenario(after.sheet, after.model, continuingScenario, { initialCarry });
    for (const p of rest.periods) {
      combined.push({
        t: p.t + lastPeriod,
        pool: cents(p.pool),
        parties: Object.fromEntries(
          ts.parties.map((party) => {
            const f = p.parties[party.id];
            return [
              party.id,
              {
                allocation: cents(f?.allocation ?? 0),
                costs: cents(f?.costs ?? 0),
                net: cents(f?.net ?? 0),
              },
            ];
          }),
        ),
      });
    }
  }

  const factor = periodDiscountFactor(ts.assumptions.discountRatePct, ts.assumptions.periodUnit);
  const parties: SeparationScenario['parties'] = {};
  for (const party of ts.parties) {
    const id = party.id;
    const sum = (from: number): Figures => {
      const out = { allocation: 0, costs: 0, net: 0 };
      for (const p of combined.slice(from)) {
        const f = p.parties[id];
        out.allocation += f?.allocation ?? 0;
        out.costs += f?.costs ?? 0;
        out.net += f?.net ?? 0;
      }
      return out;
    };
    const whole = sum(0);
    const transfer = settled.transfers[id] ?? 0;
    const nets = combined.map(
      (p, i) => (p.parties[id]?.net ?? 0) + (i === lastPeriod - 1 ? transfer : 0),
    );
    const before = baseline.totals[id];
    const afterNet = whole.net + transfer;
    const afterNpv = npv(nets, factor);
    const afterExit = exitPeriod === null ? { allocation: 0, costs: 0, net: 0 } : sum(lastPeriod);
    parties[id] = {
      continuing: id !== leaver,
      before: {
        allocation: cents(before?.allocation ?? 0),
        costs: cents(before?.costs ?? 0),
        net: cents(before?.net ?? 0),
        npv: cents(before?.npv ?? 0),
      },
      after: {
        allocation: cents(whole.allocation),
        costs: cents(whole.costs),
        settlement: cents(transfer),
        net: cents(afterNet),
        npv: cents(afterNpv),
      },
      change: {
        net: cents(afterNet - (before?.net ?? 0)),
        npv: cents(afterNpv - (before?.npv ?? 0)),
      },
      afterExit: {
        allocation: cents(afterExit.allocation),
        costs: cents(afterExit.costs),
        net: cents(afterExit.net),
      },
    };
  }
  return {
    id: scenario.id,
    name: scenario.name,
    lastPeriod,
    exitPeriod,
    triggerFired,
    settlement: settled,
    streams: streamStatuses(ts, leaver, terms.streamsOnExit),
    parties,
    periods: combined,
  };
}

/**
 * What happens if `partyId` gives notice in `period`: each party's settlement, the continuing
 * parties' allocations after the exit, and every party's net and NPV over the term, per scenario.
 */
export function separation(
  input: unknown,
  options: SeparationOptions,
): Analysis<'separation', SeparationResult> {
  const prepared = prepare(input);
  if (!isPrepared(prepared)) return failed('separation', prepared.issues);
  const { ts, model } = prepared;
  const problems: Issue[] = [];
  const party = findParty(ts, options.partyId);
  if (isIssue(party)) problems.push(party);
  else if (ts.parties.length < 2) {
    problems.push(
      optionIssue(
        'invalid-option',
        `"${options.partyId}" is the only party: nobody would continue`,
      ),
    );
  }
  const periods = ts.assumptions.periods;
  if (!Number.isInteger(options.period) || options.period < 1 || options.period > periods) {
    problems.push(
      optionIssue(
        'invalid-option',
        `The notice period must be a whole number from 1 to ${periods}, not ${options.period}`,
      ),
    );
  }
  let scenarios = ts.assumptions.scenarios.map((s, i) => ({ scenario: s, index: i }));
  if (options.scenarioId !== undefined) {
    const found = findScenario(ts, options.scenarioId);
    if (isIssue(found)) problems.push(found);
    else scenarios = [{ scenario: found.scenario, index: found.index }];
  }
  if (problems.length > 0) return failed('separation', problems);

  const terms = termsOf(ts);
  const lastPeriod = Math.min(periods, options.period + terms.noticePeriods);
  let after: { sheet: TermSheet; model: EngineModel } | null = null;
  if (lastPeriod < periods) {
    const sheet = continuingSheet(ts, options.partyId, lastPeriod + 1, terms.streamsOnExit);
    const errors = semanticIssues(sheet).filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      return failed('separation', [
        {
          severity: 'error',
          code: 'internal-error',
          path: '',
          message: `The continuing parties' term sheet is not valid: ${errors.map((e) => e.message).join('; ')}`,
        },
      ]);
    }
    after = { sheet, model: buildModel(sheet) };
  }
  const { reimbursementSplit: _r, feeSplit: _f, ...shownTerms } = terms;
  return succeeded('separation', prepared.issues, {
    partyId: options.partyId,
    noticePeriod: options.period,
    terms: shownTerms,
    scenarios: scenarios.map(({ scenario, index }) =>
      scenarioSeparation(ts, model, scenario, index, terms, options.partyId, options.period, after),
    ),
  });
}
