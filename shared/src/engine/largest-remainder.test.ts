import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, prepareWeights, splitByWeights } from './largest-remainder';

describe('largest remainder', () => {
  it('gives integer parts first, then leftover units to the largest remainders', () => {
    // 100 by 1:1:1 → quotas 33.33 each, leftover 1 → the first party (ties to the earlier).
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 by 15:35:50 % → quotas 1.5, 3.5, 5 → leftover 1; remainders .5 and .5 tie → first.
    expect(largestRemainder(10, [150_000, 350_000, 500_000])).toEqual([2, 3, 5]);
    // 7 by 1:2:4 → quotas 1, 2, 4 exactly.
    expect(largestRemainder(7, [1, 2, 4])).toEqual([1, 2, 4]);
    // 5 by 1:1:1:1:1:1 → 0.83 each, 5 leftover units to the first five.
    expect(largestRemainder(5, [1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('breaks ties towards the party listed earlier even when it comes later in size', () => {
    // 3 by 2:1:1:2 → quotas 1, 0.5, 0.5, 1 → leftover 1 to the earlier of the .5 ties (index 1).
    expect(largestRemainder(3, [2, 1, 1, 2])).toEqual([1, 1, 0, 1]);
  });

  it('splits equally when every weight is 0', () => {
    expect(largestRemainder(10, [0, 0, 0])).toEqual([4, 3, 3]);
  });

  it('splits a negative amount as the mirror of the positive one', () => {
    expect(largestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(largestRemainder(0, [1, 2])).toEqual([0, 0]);
    expect(Object.is(largestRemainder(0, [1, 2])[0], 0)).toBe(true);
  });

  it('stays exact beyond 2^53 (BigInt quotas)', () => {
    // 10^12 by weights 10^15 and 2·10^15: product 3·10^27 overflows doubles.
    // quotas 333333333333.33 and 666666666666.67 → integer parts 333333333333 + 666666666666,
    // leftover 1 → second (remainder .67 > .33).
    expect(largestRemainder(1e12, [1e15, 2e15])).toEqual([333_333_333_333, 666_666_666_667]);
    const big = [10n ** 30n, 10n ** 30n + 1n, 3n];
    const parts = largestRemainder(999_999_999_999, big);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(999_999_999_999);
    expect(parts[2]).toBe(0);
  });

  it('always sums to the amount and stays within one unit of the exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 16 }),
        (amount, weights) => {
          const parts = splitByWeights(amount, prepareWeights(weights));
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          const total = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const quota =
              total === 0 ? amount / weights.length : (amount * (weights[i] ?? 0)) / total;
            expect(Math.abs(p - quota)).toBeLessThan(1 + 1e-6 * Math.abs(quota));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
