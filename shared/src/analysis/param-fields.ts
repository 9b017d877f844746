// Every numeric parameter of a term sheet's calculator clauses, with the unit and range the format
// gives it and whether it can change a party's figures: what sensitivity moves and what the
// settlement search may set.
import type { Clause, ClauseOfKind, TermSheet } from '../termsheet/schema';
import { MAX_AMOUNT, MAX_NUMBER } from '../termsheet/primitives';

/**
 * amount: whole minor units; share: a percentage inside a split that sums to 100; percent: a
 * percentage on its own; count: a whole number of periods; number: any plain number.
 */
export type ParamUnit = 'amount' | 'share' | 'percent' | 'count' | 'number';

/** value: the parameter can change allocations, nets and NPVs; exit: only exit and settlement
 * figures; legacy: only the legacy comparison; none: not used by the clause's current method. */
export type ParamEffect = 'value' | 'exit' | 'legacy' | 'none';

export type Segment = string | number;

export interface NumericParam {
  clauseIndex: number;
  clauseId: string;
  /** Dotted path inside the clause params, as issues and positions name it. */
  param: string;
  segments: readonly Segment[];
  value: number;
  unit: ParamUnit;
  /** The range the format allows for this parameter. */
  min: number;
  max: number;
  /** For a share: the path of its split record inside the params, and its party. */
  split: { record: readonly Segment[]; party: string } | null;
  effect: ParamEffect;
  /** A readable name: the clause title, then list items by name. */
  label: string;
}

const AMOUNT = { unit: 'amount', min: 0, max: MAX_AMOUNT } as const;
const SIGNED_AMOUNT = { unit: 'amount', min: -MAX_AMOUNT, max: MAX_AMOUNT } as const;
const SHARE = { unit: 'share', min: 0, max: 100 } as const;
const PERCENT = { unit: 'percent', min: 0, max: 100 } as const;
const NUMBER = { unit: 'number', min: 0, max: MAX_NUMBER } as const;

type Spec = { unit: ParamUnit; min: number; max: number };

class Collector {
  readonly out: NumericParam[] = [];
  constructor(
    private readonly clause: Clause,
    private readonly clauseIndex: number,
  ) {}

  add(segments: Segment[], value: unknown, spec: Spec, effect: ParamEffect, split = false): void {
    if (typeof value !== 'number') return;
    const party = split ? String(segments[segments.length - 1]) : null;
    this.out.push({
      clauseIndex: this.clauseIndex,
      clauseId: this.clause.id,
      param: segments.join('.'),
      segments,
      value,
      unit: spec.unit,
      min: spec.min,
      max: spec.max,
      split: party === null ? null : { record: segments.slice(0, -1), party },
      effect,
      label: paramLabel(this.clause, segments),
    });
  }

  record(prefix: Segment[], record: Record<string, number>, spec: Spec, effect: ParamEffect): void {
    for (const [key, value] of Object.entries(record)) {
      this.add([...prefix, key], value, spec, effect, spec.unit === 'share');
    }
  }
}

function valueSharing(c: Collector, clause: ClauseOfKind<'value-sharing'>): void {
  const p = clause.params;
  if (p.fixed) c.record(['fixed'], p.fixed, SHARE, p.method === 'fixed' ? 'value' : 'none');
  const tierEffect = p.method === 'tiered' ? 'value' : 'none';
  (p.tiers ?? []).forEach((tier, k) => {
    if (tier.upTo !== null) c.add(['tiers', k, 'upTo'], tier.upTo, AMOUNT, tierEffect);
    c.record(['tiers', k, 'split'], tier.split, SHARE, tierEffect);
  });
  const dimEffect = p.method === 'contribution' ? 'value' : 'none';
  (p.contribution?.dimensions ?? []).forEach((d, i) => {
    const at = ['contribution', 'dimensions', i];
    c.add(
      [...at, 'weightPct'],
      d.weightPct,
      { unit: 'percent', min: 0, max: 1_000_000 },
      dimEffect,
    );
    c.record([...at, 'amounts'], d.amounts, NUMBER, dimEffect);
  });
}

function exit(c: Collector, clause: ClauseOfKind<'exit'>): void {
  const p = clause.params;
  c.add(['noticePeriods'], p.noticePeriods, { unit: 'count', min: 0, max: 600 }, 'exit');
  p.triggers.forEach((t, i) => {
    c.add(['triggers', i, 'netBelow'], t.netBelow, SIGNED_AMOUNT, 'exit');
    c.add(['triggers', i, 'forPeriods'], t.forPeriods, { unit: 'count', min: 1, max: 600 }, 'exit');
  });
  const s = p.settlement;
  if (s?.reimbursement) {
    c.add(['settlement', 'reimbursement', 'sharePct'], s.reimbursement.sharePct, PERCENT, 'exit');
    const split = s.reimbursement.split;
    if (split) c.record(['settlement', 'reimbursement', 'split'], split, SHARE, 'exit');
  }
  if (s?.terminationFee) {
    c.add(['settlement', 'terminationFee', 'amount'], s.terminationFee.amount, AMOUNT, 'exit');
    const split = s.terminationFee.split;
    if (split) c.record(['settlement', 'terminationFee', 'split'], split, SHARE, 'exit');
  }
}

function collect(c: Collector, clause: Clause): void {
  switch (clause.kind) {
    case 'revenue':
      clause.params.streams.forEach((s, i) =>
        c.add(['streams', i, 'unitPrice'], s.unitPrice, AMOUNT, 'value'),
      );
      return;
    case 'costs':
      clause.params.costs.forEach((line, i) => {
        c.add(['costs', i, 'upfront'], line.upfront, AMOUNT, 'value');
        c.add(['costs', i, 'fixedPerPeriod'], line.fixedPerPeriod, AMOUNT, 'value');
        c.add(['costs', i, 'perUnit', 'amount'], line.perUnit?.amount, AMOUNT, 'value');
      });
      return;
    case 'value-sharing':
      return valueSharing(c, clause);
    case 'minimum-guarantee':
      return c.record(['floors'], clause.params.floors, AMOUNT, 'value');
    case 'cap':
      return c.record(['caps'], clause.params.caps, AMOUNT, 'value');
    case 'outcomes':
      clause.params.kpis.forEach((k, i) => {
        c.add(['kpis', i, 'target'], k.target, { ...NUMBER, min: -MAX_NUMBER }, 'value');
        c.add(['kpis', i, 'ratePerUnit'], k.ratePerUnit, AMOUNT, 'value');
        c.add(['kpis', i, 'capPerPeriod'], k.capPerPeriod, AMOUNT, 'value');
        c.record(['kpis', i, 'beneficiaries'], k.beneficiaries, SHARE, 'value');
      });
      return;
    case 'exit':
      return exit(c, clause);
    case 'legacy':
      clause.params.lines.forEach((l, i) => {
        c.add(['lines', i, 'fte'], l.fte, NUMBER, 'legacy');
        c.add(['lines', i, 'ratePerFte'], l.ratePerFte, AMOUNT, 'legacy');
        c.add(['lines', i, 'slaCreditPct'], l.slaCreditPct, PERCENT, 'legacy');
        c.add(['lines', i, 'expectedBreaches'], l.expectedBreaches, NUMBER, 'legacy');
      });
      return;
    default:
      // Text-only kinds never feed the numbers.
      return;
  }
}

/** Every numeric parameter of the calculator clauses, in clause order then document order. */
export function numericParams(ts: TermSheet): NumericParam[] {
  const out: NumericParam[] = [];
  ts.clauses.forEach((clause, index) => {
    const c = new Collector(clause, index);
    collect(c, clause);
    out.push(...c.out);
  });
  return out;
}

/** "Revenue streams · Monitoring subscriptions · unitPrice": list items by name, id or number. */
export function paramLabel(clause: Clause, segments: readonly Segment[]): string {
  const parts: string[] = [clause.title || clause.id];
  let current: unknown = clause.params;
  let listName = '';
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') {
      const item: unknown = current[segment];
      const named =
        typeof item === 'object' && item !== null
          ? ((item as { name?: unknown }).name ?? (item as { id?: unknown }).id)
          : undefined;
      parts.push(
        typeof named === 'string' && named !== ''
          ? named
          : `${listName.replace(/s$/, '')} ${segment + 1}`,
      );
      current = item;
    } else {
      current =
        typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[String(segment)]
          : undefined;
      // A list's own name adds nothing once its item is named.
      if (Array.isArray(current)) listName = String(segment);
      else parts.push(String(segment));
    }
  }
  return parts.join(' · ');
}
