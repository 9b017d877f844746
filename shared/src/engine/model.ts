import type { ClauseOfKind, TermSheet } from '../termsheet/schema';
import { roundHalfAway, scalePercent } from '../termsheet/units';
import { exactIntegerWeights } from './exact-weights';
import type { PreparedWeights } from './largest-remainder';
import { prepareWeights } from './largest-remainder';
import type { PreparedKpi, PreparedTier } from './steps';

/** The parts of a validated term sheet the engine needs, indexed by party position. */
export interface EngineModel {
  partyIds: string[];
  n: number;
  lead: number;
  streams: { id: string; driver: string; unitPrice: number; requires: number }[];
  costLines: {
    party: number;
    upfront: number;
    fixedPerPeriod: number;
    perUnit: { stream: number; amount: number } | null;
  }[];
  costRecovery: boolean;
  split:
    | { method: 'equal' }
    | { method: 'fixed'; weights: PreparedWeights }
    | { method: 'tiered'; tiers: PreparedTier[] }
    | { method: 'contribution'; weights: PreparedWeights }
    | { method: 'shapley' };
  /** Exact contribution scores (integer weights) when contribution dimensions exist. */
  contribution: bigint[] | null;
  floors: number[] | null;
  floorsClause: { index: number; id: string } | null;
  caps: (number | null)[] | null;
  capsClause: { index: number; id: string } | null;
  kpis: (PreparedKpi & { driver: string })[];
  triggers: { party: number; netBelow: number; forPeriods: number }[];
  /** Per-period legacy payment to each party (before the lead's collection of the pool). */
  legacyPay: number[] | null;
}

function first<K extends TermSheet['clauses'][number]['kind']>(
  ts: TermSheet,
  kind: K,
): { clause: ClauseOfKind<K>; index: number } | null {
  const index = ts.clauses.findIndex((c) => c.kind === kind);
  return index < 0 ? null : { clause: ts.clauses[index] as ClauseOfKind<K>, index };
}

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function splitWeights(partyIds: readonly string[], split: Record<string, number>): PreparedWeights {
  return prepareWeights(partyIds.map((id) => (has(split, id) ? scalePercent(split[id] ?? 0) : 0)));
}

/**
 * score(i) = Σ_d weightPct_d × amount(i,d) / Σ_j amount(j,d), over the dimensions whose amounts
 * do not sum to 0; null without dimensions.
 */
function contributionScores(
  partyIds: readonly string[],
  vs: ClauseOfKind<'value-sharing'> | undefined,
): bigint[] | null {
  const dims = vs?.params.contribution?.dimensions;
  if (!dims || dims.length === 0) return null;
  const scores = partyIds.map(() => 0);
  for (const d of dims) {
    let sum = 0;
    for (const id of partyIds) sum += has(d.amounts, id) ? (d.amounts[id] ?? 0) : 0;
    if (sum === 0) continue;
    partyIds.forEach((id, i) => {
      const amount = has(d.amounts, id) ? (d.amounts[id] ?? 0) : 0;
      scores[i] = (scores[i] ?? 0) + (d.weightPct * amount) / sum;
    });
  }
  return exactIntegerWeights(scores);
}

export function buildModel(ts: TermSheet): EngineModel {
  const partyIds = ts.parties.map((p) => p.id);
  const index = new Map(partyIds.map((id, i) => [id, i]));
  const at = (id: string) => index.get(id) ?? 0;
  const n = partyIds.length;
  const markedLead = ts.parties.findIndex((p) => p.lead === true);
  const lead = markedLead >= 0 ? markedLead : 0;

  const revenue = first(ts, 'revenue');
  const streams = (revenue?.clause.params.streams ?? []).map((s) => ({
    id: s.id,
    driver: s.driver,
    unitPrice: s.unitPrice,
    requires: (s.requires ?? []).reduce((mask, id) => mask | (1 << at(id)), 0),
  }));
  const streamIndex = new Map(streams.map((s, i) => [s.id, i]));

  const costLines = (first(ts, 'costs')?.clause.params.costs ?? []).map((c) => ({
    party: at(c.party),
    upfront: c.upfront ?? 0,
    fixedPerPeriod: c.fixedPerPeriod ?? 0,
    perUnit: c.perUnit
      ? { stream: streamIndex.get(c.perUnit.stream) ?? 0, amount: c.perUnit.amount }
      : null,
  }));

  const vs = first(ts, 'value-sharing')?.clause;
  const contribution = contributionScores(partyIds, vs);
  let split: EngineModel['split'] = { method: 'equal' };
  if (vs) {
    const p = vs.params;
    if (p.method === 'fixed')
      split = { method: 'fixed', weights: splitWeights(partyIds, p.fixed ?? {}) };
    else if (p.method === 'tiered') {
      split = {
        method: 'tiered',
        tiers: (p.tiers ?? []).map((t) => ({
          upTo: t.upTo,
          weights: splitWeights(partyIds, t.split),
        })),
      };
    } else if (p.method === 'contribution') {
      // Without usable dimensions every score is 0, which prepareWeights turns into equal shares.
      split = {
        method: 'contribution',
        weights: prepareWeights(contribution ?? partyIds.map(() => 0)),
      };
    } else split = { method: 'shapley' };
  }

  const mg = first(ts, 'minimum-guarantee');
  const cap = first(ts, 'cap');
  const floors = mg
    ? partyIds.map((id) =>
        has(mg.clause.params.floors, id) ? (mg.clause.params.floors[id] ?? 0) : 0,
      )
    : null;
  const caps = cap
    ? partyIds.map((id) =>
        has(cap.clause.params.caps, id) ? (cap.clause.params.caps[id] ?? null) : null,
      )
    : null;

  const kpis = (first(ts, 'outcomes')?.clause.params.kpis ?? []).map((k) => ({
    driver: k.driver,
    sign: k.betterWhen === 'lower' ? (-1 as const) : (1 as const),
    target: k.target,
    ratePerUnit: k.ratePerUnit,
    capPerPeriod: k.capPerPeriod ?? null,
    funder: at(k.funder),
    beneficiaries: splitWeights(partyIds, k.beneficiaries),
  }));

  const triggers = (first(ts, 'exit')?.clause.params.triggers ?? []).map((t) => ({
    party: at(t.party),
    netBelow: t.netBelow,
    forPeriods: t.forPeriods,
  }));

  const legacy = first(ts, 'legacy');
  let legacyPay: number[] | null = null;
  if (legacy) {
    legacyPay = partyIds.map(() => 0);
    for (const line of legacy.clause.params.lines) {
      const base = roundHalfAway(line.fte * line.ratePerFte);
      const credit = roundHalfAway(((base * line.slaCreditPct) / 100) * line.expectedBreaches);
      const i = at(line.party);
      legacyPay[i] = (legacyPay[i] ?? 0) + Math.max(0, base - credit);
    }
  }

  return {
    partyIds,
    n,
    lead,
    streams,
    costLines,
    costRecovery: vs?.params.costRecovery ?? false,
    split,
    contribution,
    floors,
    floorsClause: mg ? { index: mg.index, id: mg.clause.id } : null,
    caps,
    capsClause: cap ? { index: cap.index, id: cap.clause.id } : null,
    kpis,
    triggers,
    legacyPay,
  };
}
