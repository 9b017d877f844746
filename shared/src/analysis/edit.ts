// Copy-on-write edits of a parsed term sheet: only the objects on the edited path are copied, so
// a variant costs a few small copies rather than a clone of the whole sheet.
import { largestRemainder } from '../engine/largest-remainder';
import type { TermSheet } from '../termsheet/schema';
import { HUNDRED_PERCENT_SCALED, PERCENT_SCALE, scalePercent } from '../termsheet/units';
import type { Segment } from './param-fields';

function setIn(container: unknown, segments: readonly Segment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [Segment, ...Segment[]];
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[Number(head)] = setIn(container[Number(head)], rest, value);
    return copy;
  }
  const record = (typeof container === 'object' && container !== null ? container : {}) as Record<
    string,
    unknown
  >;
  return { ...record, [String(head)]: setIn(record[String(head)], rest, value) };
}

/** The sheet with a value set at `segments` inside the params of clause `clauseIndex`. */
export function withClauseValue(
  ts: TermSheet,
  clauseIndex: number,
  segments: readonly Segment[],
  value: unknown,
): TermSheet {
  return setIn(ts, ['clauses', clauseIndex, 'params', ...segments], value) as TermSheet;
}

/** The sheet with a value set at `segments` from its root. */
export function withValue(ts: TermSheet, segments: readonly Segment[], value: unknown): TermSheet {
  return setIn(ts, segments, value) as TermSheet;
}

/**
 * A split with `party` set to `pct` and the other listed shares moved against it in proportion
 * to their current values (equally when they are all 0), exactly, so the split still sums to 100
 * with at most 4 decimals. Null when it cannot: `pct` outside 0..100, or no other share to move.
 */
export function moveShare(
  split: Record<string, number>,
  party: string,
  pct: number,
): Record<string, number> | null {
  const target = scalePercent(pct);
  if (target < 0 || target > HUNDRED_PERCENT_SCALED) return null;
  const others = Object.keys(split).filter((id) => id !== party);
  if (others.length === 0) return target === HUNDRED_PERCENT_SCALED ? { ...split } : null;
  const parts = largestRemainder(
    HUNDRED_PERCENT_SCALED - target,
    others.map((id) => scalePercent(split[id] ?? 0)),
  );
  const out: Record<string, number> = {};
  for (const id of Object.keys(split)) {
    out[id] =
      id === party ? target / PERCENT_SCALE : (parts[others.indexOf(id)] ?? 0) / PERCENT_SCALE;
  }
  return out;
}
