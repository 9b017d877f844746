import { roundHalfAway } from '../termsheet/units';
import type { PeriodUnit } from '../termsheet/schema';

export const periodsPerYear: Record<PeriodUnit, number> = { month: 12, quarter: 4, year: 1 };

/**
 * The k-th root of x > 0 by Newton's method using only +, ×, ÷ (correctly rounded everywhere),
 * so that every JavaScript engine returns the same bits; Math.pow with a fractional exponent is
 * implementation-approximated.
 */
export function nthRoot(x: number, k: number): number {
  if (k === 1 || x === 1) return x;
  let y = 1 + (x - 1) / k;
  let previous = Number.NaN;
  for (let iteration = 0; iteration < 200; iteration++) {
    let power = 1;
    for (let j = 1; j < k; j++) power *= y;
    const next = ((k - 1) * y + x / power) / k;
    if (next === y) break;
    if (next === previous) {
      // Oscillating between two neighbours: settle deterministically on the smaller one.
      y = Math.min(y, next);
      break;
    }
    previous = y;
    y = next;
  }
  return y;
}

/** Growth factor per period: 1 + r with r = (1 + annualPct/100)^(1/k) − 1. */
export function periodDiscountFactor(annualPct: number, unit: PeriodUnit): number {
  return nthRoot(1 + annualPct / 100, periodsPerYear[unit]);
}

/** round(Σ_t net(t) / (1+r)^t), t from 1. */
export function npv(nets: ArrayLike<number>, factor: number): number {
  let discount = 1;
  let sum = 0;
  for (let t = 0; t < nets.length; t++) {
    discount *= factor;
    sum += (nets[t] ?? 0) / discount;
  }
  return roundHalfAway(sum);
}
