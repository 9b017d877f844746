// The space the settlement search moves in: one coordinate per parameter with shared bounds, its
// interval the intersection of every shared bound and the format's range, and the shares of a
// split tied together so the split always sums to 100.
import { largestRemainder } from '../engine/largest-remainder';
import type { TermSheet } from '../termsheet/schema';
import {
  HUNDRED_PERCENT_SCALED,
  PERCENT_SCALE,
  roundPercent,
  scalePercent,
} from '../termsheet/units';
import { withClauseValue } from './edit';
import type { NumericParam, Segment } from './param-fields';
import { numericParams } from './param-fields';
import type { SharedBound } from './shared-bounds';

export interface BoundRef {
  partyId: string;
  value: number;
}

export interface Coordinate {
  p: NumericParam;
  lo: number;
  hi: number;
  /** The smallest step the parameter takes: a cent, a count, 0.0001 % or a millionth of its range. */
  resolution: number;
  highestMin: BoundRef | null;
  lowestMax: BoundRef | null;
}

export interface SplitGroup {
  clauseIndex: number;
  record: readonly Segment[];
  current: Record<string, number>;
  /** Bounded shares the search moves (indexes into Space.coordinates). */
  free: number[];
  /** When every listed share is bounded, the last one follows from the others. */
  dependent: Coordinate | null;
  /** Unbounded shares that absorb the moves in proportion to their current values. */
  absorbers: string[];
}

export interface Conflict {
  clauseId: string;
  param: string;
  label: string;
  highestMin: BoundRef | null;
  lowestMax: BoundRef | null;
  /** What the format allows for the parameter. */
  allowed: { min: number; max: number };
}

export interface SplitConflict {
  clauseId: string;
  /** The split record, e.g. `fixed` or `tiers.1.split`. */
  split: string;
  /** The shared bounds on its shares, which cannot all hold while it sums to 100. */
  shares: { param: string; highestMin: BoundRef | null; lowestMax: BoundRef | null }[];
}

export interface Ignored {
  clauseId: string;
  param: string;
  reason: 'unknown-party' | 'unknown-param' | 'legacy-baseline';
}

export interface Space {
  coordinates: Coordinate[];
  splits: SplitGroup[];
  conflicts: Conflict[];
  splitConflicts: SplitConflict[];
  ignored: Ignored[];
}

function resolutionOf(p: NumericParam, lo: number, hi: number): number {
  if (p.unit === 'amount' || p.unit === 'count') return 1;
  if (p.unit === 'share' || p.unit === 'percent') return 1 / PERCENT_SCALE;
  return Math.max((hi - lo) / 1e6, Number.MIN_VALUE);
}

/** The value rounded to the parameter's resolution, towards the inside of [lo, hi] if asked. */
export function toResolution(
  p: NumericParam,
  x: number,
  towards: 'up' | 'down' | 'near' = 'near',
): number {
  if (p.unit === 'amount' || p.unit === 'count') {
    return towards === 'up' ? Math.ceil(x) : towards === 'down' ? Math.floor(x) : Math.round(x);
  }
  if (p.unit === 'share' || p.unit === 'percent') {
    const r = roundPercent(x);
    if (towards === 'up' && r < x) return roundPercent(r + 1 / PERCENT_SCALE);
    if (towards === 'down' && r > x) return roundPercent(r - 1 / PERCENT_SCALE);
    return r;
  }
  return x;
}

function key(clauseId: string, param: string): string {
  return `${clauseId}\u0000${param}`;
}

function recordAt(ts: TermSheet, p: NumericParam): Record<string, number> {
  let current: unknown = ts.clauses[p.clauseIndex]?.params;
  for (const s of p.split?.record ?? []) current = (current as Record<string, unknown>)[String(s)];
  return current as Record<string, number>;
}

/** Builds the search space from the shared bounds; conflicting bounds are listed, not searched. */
export function buildSpace(ts: TermSheet, bounds: readonly SharedBound[]): Space {
  const params = new Map(numericParams(ts).map((p) => [key(p.clauseId, p.param), p]));
  const parties = new Set(ts.parties.map((p) => p.id));
  const groups = new Map<string, { p: NumericParam; mins: BoundRef[]; maxes: BoundRef[] }>();
  const ignored: Ignored[] = [];
  for (const b of bounds) {
    const k = key(b.clauseId, b.param);
    const p = params.get(k);
    const reason: Ignored['reason'] | null = !parties.has(b.partyId)
      ? 'unknown-party'
      : !p
        ? 'unknown-param'
        : p.effect === 'legacy'
          ? 'legacy-baseline'
          : null;
    if (reason || !p) {
      if (
        !ignored.some(
          (i) => i.clauseId === b.clauseId && i.param === b.param && i.reason === reason,
        )
      ) {
        ignored.push({ clauseId: b.clauseId, param: b.param, reason: reason ?? 'unknown-param' });
      }
      continue;
    }
    const group = groups.get(k) ?? { p, mins: [], maxes: [] };
    (b.bound === 'min' ? group.mins : group.maxes).push({ partyId: b.partyId, value: b.value });
    groups.set(k, group);
  }

  const coordinates: Coordinate[] = [];
  const conflicts: Conflict[] = [];
  // Document order, so the search and its result never depend on the order bounds came in.
  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.p.clauseIndex - b.p.clauseIndex ||
      (a.p.param < b.p.param ? -1 : a.p.param > b.p.param ? 1 : 0),
  );
  for (const { p, mins, maxes } of ordered) {
    const highestMin = mins.reduce<BoundRef | null>(
      (m, b) => (!m || b.value > m.value ? b : m),
      null,
    );
    const lowestMax = maxes.reduce<BoundRef | null>(
      (m, b) => (!m || b.value < m.value ? b : m),
      null,
    );
    let lo = highestMin?.value ?? -Infinity;
    let hi = lowestMax?.value ?? Infinity;
    // A side nobody bounded stays where the sheet has it: the search never moves a parameter
    // past today's value in a direction no party has put a number on.
    if (!highestMin) lo = Math.min(p.value, hi);
    if (!lowestMax) hi = Math.max(p.value, lo);
    lo = toResolution(p, Math.max(lo, p.min), 'up');
    hi = toResolution(p, Math.min(hi, p.max), 'down');
    if (!(lo <= hi)) {
      conflicts.push({
        clauseId: p.clauseId,
        param: p.param,
        label: p.label,
        highestMin,
        lowestMax,
        allowed: { min: p.min, max: p.max },
      });
      continue;
    }
    coordinates.push({ p, lo, hi, resolution: resolutionOf(p, lo, hi), highestMin, lowestMax });
  }

  const splits: SplitGroup[] = [];
  const splitConflicts: SplitConflict[] = [];
  const byRecord = new Map<string, number[]>();
  coordinates.forEach((c, i) => {
    if (!c.p.split) return;
    const k = `${c.p.clauseIndex}\u0000${c.p.split.record.join('.')}`;
    byRecord.set(k, [...(byRecord.get(k) ?? []), i]);
  });
  const dependents = new Set<number>();
  for (const members of byRecord.values()) {
    const first = coordinates[members[0] ?? -1];
    if (!first?.p.split) continue;
    const current = recordAt(ts, first.p);
    const bounded = new Set(members.map((i) => coordinates[i]?.p.split?.party));
    const absorbers = Object.keys(current).filter((id) => !bounded.has(id));
    const boxes = members.map((i) => coordinates[i] as Coordinate);
    const sumLo = boxes.reduce((a, c) => a + scalePercent(c.lo), 0);
    const sumHi = boxes.reduce((a, c) => a + scalePercent(c.hi), 0);
    const impossible =
      sumLo > HUNDRED_PERCENT_SCALED || (absorbers.length === 0 && sumHi < HUNDRED_PERCENT_SCALED);
    if (impossible) {
      splitConflicts.push({
        clauseId: first.p.clauseId,
        split: first.p.split.record.join('.'),
        shares: boxes.map((c) => ({
          param: c.p.param,
          highestMin: c.highestMin,
          lowestMax: c.lowestMax,
        })),
      });
      for (const i of members) dependents.add(i);
      continue;
    }
    let dependent: Coordinate | null = null;
    let free = members;
    if (absorbers.length === 0) {
      const last = members[members.length - 1] as number;
      dependent = coordinates[last] ?? null;
      dependents.add(last);
      free = members.slice(0, -1);
    }
    splits.push({
      clauseIndex: first.p.clauseIndex,
      record: first.p.split.record,
      current,
      free,
      dependent,
      absorbers,
    });
  }
  // Re-index: coordinates that follow from others (or sit in an impossible split) are not moved.
  const kept = coordinates.map((_, i) => i).filter((i) => !dependents.has(i));
  const index = new Map(kept.map((old, neu) => [old, neu]));
  return {
    coordinates: kept.map((i) => coordinates[i] as Coordinate),
    splits: splits.map((s) => ({ ...s, free: s.free.map((i) => index.get(i) ?? -1) })),
    conflicts,
    splitConflicts,
    ignored,
  };
}

export interface Change {
  clauseIndex: number;
  clauseId: string;
  param: string;
  segments: readonly Segment[];
  from: number;
  to: number;
}

/**
 * The sheet at point `x` (one value per coordinate), with every parameter that moved, or null
 * when the point breaks a split: a share that follows from the others falls outside its shared
 * bounds, or the moved shares leave less than nothing for the others.
 */
export function applyPoint(
  ts: TermSheet,
  space: Space,
  x: readonly number[],
): { sheet: TermSheet; changes: Change[] } | null {
  let sheet = ts;
  const changes: Change[] = [];
  const inSplit = new Set(space.splits.flatMap((s) => s.free));
  space.coordinates.forEach((c, i) => {
    if (inSplit.has(i)) return;
    const to = x[i] ?? c.p.value;
    if (to === c.p.value) return;
    sheet = withClauseValue(sheet, c.p.clauseIndex, c.p.segments, to);
    changes.push({
      clauseIndex: c.p.clauseIndex,
      clauseId: c.p.clauseId,
      param: c.p.param,
      segments: c.p.segments,
      from: c.p.value,
      to,
    });
  });
  for (const split of space.splits) {
    const record: Record<string, number> = { ...split.current };
    let used = 0;
    for (const i of split.free) {
      const c = space.coordinates[i];
      if (!c?.p.split) continue;
      const v = x[i] ?? c.p.value;
      record[c.p.split.party] = v;
      used += scalePercent(v);
    }
    const rest = HUNDRED_PERCENT_SCALED - used;
    if (rest < 0) return null;
    if (split.dependent?.p.split) {
      const v = rest / PERCENT_SCALE;
      if (v < split.dependent.lo || v > split.dependent.hi) return null;
      record[split.dependent.p.split.party] = v;
    } else {
      const parts = largestRemainder(
        rest,
        split.absorbers.map((id) => scalePercent(split.current[id] ?? 0)),
      );
      split.absorbers.forEach((id, k) => {
        record[id] = (parts[k] ?? 0) / PERCENT_SCALE;
      });
    }
    const clauseId = ts.clauses[split.clauseIndex]?.id ?? '';
    let changed = false;
    for (const [party, to] of Object.entries(record)) {
      const from = split.current[party] ?? 0;
      if (to === from) continue;
      changed = true;
      const segments = [...split.record, party];
      changes.push({
        clauseIndex: split.clauseIndex,
        clauseId,
        param: segments.join('.'),
        segments,
        from,
        to,
      });
    }
    if (changed) sheet = withClauseValue(sheet, split.clauseIndex, split.record, record);
  }
  return { sheet, changes };
}

/** A feasible start near `target` (one value per coordinate), or null if none is found. */
export function startPoint(space: Space, target: readonly number[]): number[] {
  const x = space.coordinates.map((c, i) =>
    Math.min(c.hi, Math.max(c.lo, toResolution(c.p, target[i] ?? c.p.value))),
  );
  for (const split of space.splits) {
    const free = split.free.map((i) => space.coordinates[i] as Coordinate);
    const boxes = split.dependent ? [...free, split.dependent] : free;
    const used = split.free.reduce((a, i) => a + scalePercent(x[i] ?? 0), 0);
    const dependentOk =
      !split.dependent ||
      (HUNDRED_PERCENT_SCALED - used >= scalePercent(split.dependent.lo) &&
        HUNDRED_PERCENT_SCALED - used <= scalePercent(split.dependent.hi));
    if (used <= HUNDRED_PERCENT_SCALED && dependentOk) continue;
    // Fill every box from its lower end in proportion to its width until the split sums to 100
    // (with absorbers: just the lower ends, which leave them what is left).
    const lows = boxes.map((c) => scalePercent(c.lo));
    const room = split.dependent ? HUNDRED_PERCENT_SCALED - lows.reduce((a, b) => a + b, 0) : 0;
    const extra = largestRemainder(
      Math.max(0, room),
      boxes.map((c) => scalePercent(c.hi) - scalePercent(c.lo)),
    );
    split.free.forEach((i, k) => {
      x[i] = ((lows[k] ?? 0) + (extra[k] ?? 0)) / PERCENT_SCALE;
    });
  }
  return x;
}
