import { describe, expect, it } from 'vitest';
import { npv, nthRoot, periodDiscountFactor } from './discount';
import { exactIntegerWeights, sharePct } from './exact-weights';

describe('discounting', () => {
  it('takes k-th roots with plain arithmetic', () => {
    expect(nthRoot(1.08, 1)).toBe(1.08);
    expect(Math.abs(nthRoot(1.08, 4) ** 4 - 1.08)).toBeLessThan(1e-14);
    expect(Math.abs(nthRoot(1.1, 12) ** 12 - 1.1)).toBeLessThan(1e-14);
    expect(nthRoot(1, 12)).toBe(1);
  });

  it('converts the annual rate to the period', () => {
    expect(periodDiscountFactor(10, 'year')).toBe(1.1);
    // 1.08^(1/4) = 1.019426546908…
    expect(periodDiscountFactor(8, 'quarter')).toBeCloseTo(1.0194265469, 9);
    expect(periodDiscountFactor(0, 'month')).toBe(1);
  });

  it('discounts each period from t = 1 and rounds half away from zero', () => {
    // 110 / 1.1 + 121 / 1.21 = 100 + 100.
    expect(npv([110, 121], 1.1)).toBe(200);
    // −1.5 stays −1.5 at rate 0 → −2.
    expect(npv([-1, -0.5], 1)).toBe(-2);
    expect(npv([], 1.1)).toBe(0);
  });
});

describe('exact shares', () => {
  it('rounds percentages of exact ratios to 4 decimals', () => {
    expect(sharePct(1, 3)).toBe(33.3333);
    expect(sharePct(2, 3)).toBe(66.6667);
    // 1/16 = 6.25 % exactly; 1/160000 = 0.000625 % = 6.25 units of 10^-4 % → 6 → 0.0006.
    expect(sharePct(1, 16)).toBe(6.25);
    expect(sharePct(1, 160_000)).toBe(0.0006);
    expect(sharePct(-1, 3)).toBe(-33.3333);
    expect(sharePct(5, 0)).toBeNull();
    expect(sharePct(10n ** 30n, 3n * 10n ** 30n)).toBe(33.3333);
    // 1 / 200 000 000 → 0.0000005 % → 0.005 of a unit of 10^-4 %: rounds to 0.
    expect(sharePct(1, 200_000_000)).toBe(0);
    // 1 / 2 000 000 = 0.00005 % = 0.5 units → half away from zero → 0.0001.
    expect(sharePct(1, 2_000_000)).toBe(0.0001);
  });

  it('turns doubles into integers with exactly the same ratios', () => {
    expect(exactIntegerWeights([0.5, 0.25, 0, 3])).toEqual([2n, 1n, 0n, 12n]);
    const [a, b] = exactIntegerWeights([0.1, 0.2]);
    expect(b).toBe((a ?? 0n) * 2n);
  });
});
