// The analyses read for display: names people know for each moved term, the bars of the tornado,
// break-even multiples in words, and the scales the charts draw on. Pure, so tests read them.
import type { DriverBreakEven, SensitivityEntry, SensitivityTarget } from '@parley/shared/analysis';
import { kindTitle } from '../kindLabel';
import { paramName } from '../names';
import type { Sheet } from '../sheet';

export type Metric = 'net' | 'npv';

export interface TornadoRow {
  key: string;
  label: string;
  /** What moving the value down or up does to the party's figure; null when it cannot move. */
  down: number | null;
  up: number | null;
  swing: number;
}

const driverFields: Record<string, string> = {
  value: 'value',
  start: 'starting value',
  growthPct: 'growth per period',
  series: 'every period',
};

/** A moved term as the rest of the room names it: "Revenue streams · Subscriptions · Unit price". */
export function targetLabel(target: SensitivityTarget, sheet: Sheet, fallback: string): string {
  if (target.kind === 'param') {
    const clause = sheet.clauses.find((c) => c.id === target.clauseId);
    if (!clause) return fallback;
    return `${kindTitle(clause)} · ${paramName(clause.params, target.param, sheet.parties)}`;
  }
  if (target.kind === 'driver') {
    return `Driver ${target.driver} (${driverFields[target.field] ?? target.field})`;
  }
  return 'Annual discount rate';
}

/** The entries with a figure to show, largest swing of the chosen figure first, at most `limit`. */
export function tornadoRows(
  entries: readonly SensitivityEntry[],
  metric: Metric,
  sheet: Sheet,
  limit: number,
): TornadoRow[] {
  const change = (move: SensitivityEntry['down']) =>
    metric === 'net' ? move.netChange : move.npvChange;
  return entries
    .map((entry, index) => ({
      key: entry.path,
      label: targetLabel(entry.target, sheet, entry.label),
      down: change(entry.down),
      up: change(entry.up),
      swing: metric === 'net' ? entry.netSwing : entry.npvSwing,
      index,
    }))
    .filter((row) => row.swing > 0 || (row.down ?? 0) !== 0 || (row.up ?? 0) !== 0)
    .sort((a, b) => b.swing - a.swing || a.index - b.index)
    .slice(0, limit)
    .map(({ index: _index, ...row }) => row);
}

/** The largest change any bar shows: the half-width of the chart. Never 0, so bars can scale. */
export function tornadoExtent(rows: readonly TornadoRow[]): number {
  let extent = 0;
  for (const row of rows) extent = Math.max(extent, Math.abs(row.down ?? 0), Math.abs(row.up ?? 0));
  return extent === 0 ? 1 : extent;
}

/** A multiple of the scenario's volumes: 0.2362 → "0.24 ×", 12 → "12 ×". */
export function formatScale(scale: number): string {
  const digits = scale >= 10 ? 0 : scale >= 1 ? 1 : 2;
  const text = scale.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return `${text === '0' && scale > 0 ? '< 0.01' : text} ×`;
}

/**
 * A break-even in words: "never" (a loss at every volume searched), "always" (no loss at any), or
 * where the net turns positive or negative as volume grows.
 */
export function breakEvenText(driver: DriverBreakEven): string {
  if (driver.status === 'never') return 'never';
  if (driver.status === 'always') return 'always';
  return driver.crossings
    .map(
      (c) =>
        `${c.direction === 'rising' ? 'profit from' : 'loss from'} ${formatScale(c.direction === 'rising' ? c.scale : c.otherScale)}`,
    )
    .join(', then ');
}

/** Round bounds for an axis through `lo` and `hi`, always including 0. */
export function niceRange(lo: number, hi: number): { min: number; max: number } {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  if (min === max) return { min: min - 1, max: max + 1 };
  const span = max - min;
  const pad = span * 0.05;
  return { min: min < 0 ? min - pad : min, max: max > 0 ? max + pad : max };
}

/** Where `value` falls on a bar `width` wide spanning `range`. */
export function position(value: number, range: { min: number; max: number }, width: number) {
  return ((value - range.min) / (range.max - range.min)) * width;
}
