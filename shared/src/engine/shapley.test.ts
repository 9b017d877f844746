import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnanimityTerm } from './shapley';
import { UNANIMITY_SCALE, shapleyExact, unanimityGame, unanimityShapleyScaled } from './shapley';

/** A random integer-valued game over n players, v(∅) = 0. */
const gameArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc
      .array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 << n, maxLength: 1 << n })
      .map((values) => ({ n, values: values.map((v, mask) => (mask === 0 ? 0 : v)) })),
  );

const termsArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .array(
      fc.record({
        requires: fc.integer({ min: 0, max: (1 << n) - 1 }),
        value: fc.integer({ min: 0, max: 1_000_000_000 }),
      }),
      { maxLength: 6 },
    )
    .map((terms) => ({ n, terms: terms as UnanimityTerm[] })),
);

describe('exact Shapley value', () => {
  it('matches a hand-computed three-player game', () => {
    // v({0})=0, v({1})=0, v({2})=0, v({0,1})=60, v({0,2})=60, v({1,2})=0, v(N)=120.
    // φ0 = 1/6 [2·0 + 1·60 + 1·60 + 2·120] = 60; φ1 = φ2 = 1/6 [2·0 + 60 + 0 + 2·60] = 30.
    const v = [0, 0, 0, 60, 0, 60, 0, 120];
    const { numerators, denominator } = shapleyExact(3, (m) => v[m] ?? 0);
    expect(denominator).toBe(6n);
    expect(numerators).toEqual([360n, 180n, 180n]);
  });

  it('is efficient: Σφ = v(N)', () => {
    fc.assert(
      fc.property(gameArb, ({ n, values }) => {
        const { numerators, denominator } = shapleyExact(n, (m) => values[m] ?? 0);
        const sum = numerators.reduce((a, b) => a + b, 0n);
        expect(sum).toBe(BigInt(values[(1 << n) - 1] ?? 0) * denominator);
      }),
      { numRuns: 150 },
    );
  });

  it('gives symmetric players the same value', () => {
    fc.assert(
      fc.property(gameArb, fc.nat(), fc.nat(), ({ n, values }, a, b) => {
        const i = a % n;
        const j = b % n;
        // Symmetrise the game in i and j: v'(S) = v(S) + v(swap_ij(S)).
        const swap = (m: number) => {
          const bi = (m >> i) & 1;
          const bj = (m >> j) & 1;
          return (m & ~((1 << i) | (1 << j))) | (bi << j) | (bj << i);
        };
        const sym = (m: number) => (values[m] ?? 0) + (values[swap(m)] ?? 0);
        const { numerators } = shapleyExact(n, sym);
        expect(numerators[i]).toBe(numerators[j]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives a null player nothing', () => {
    fc.assert(
      fc.property(gameArb, fc.nat(), ({ n, values }, a) => {
        const p = a % n;
        // v'(S) = v(S without p): p adds nothing to any coalition.
        const nulled = (m: number) => values[m & ~(1 << p)] ?? 0;
        const { numerators } = shapleyExact(n, nulled);
        expect(numerators[p]).toBe(0n);
      }),
      { numRuns: 150 },
    );
  });
});

describe('closed form for stream games', () => {
  it('splits each stream equally among the parties it requires', () => {
    // Stream A (900) needs parties 0 and 1; stream B (300) needs everyone (3 parties).
    // φ = [450 + 100, 450 + 100, 100] = [550, 550, 100], scaled by 720720.
    const phi = unanimityShapleyScaled(3, [
      { requires: 0b011, value: 900 },
      { requires: 0, value: 300 },
    ]);
    expect(phi).toEqual([550n * UNANIMITY_SCALE, 550n * UNANIMITY_SCALE, 100n * UNANIMITY_SCALE]);
  });

  it('agrees exactly with the general Shapley value of the same game', () => {
    fc.assert(
      fc.property(termsArb, ({ n, terms }) => {
        const closed = unanimityShapleyScaled(n, terms);
        const exact = shapleyExact(n, unanimityGame(n, terms));
        closed.forEach((c, i) => {
          // c / 720720 = numerator / n!  ⇔  c · n! = numerator · 720720
          expect(c * exact.denominator).toBe((exact.numerators[i] ?? 0n) * UNANIMITY_SCALE);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the general form for 16 parties', () => {
    const terms: UnanimityTerm[] = [
      { requires: 0b1010_0000_0000_0101, value: 123_456_789 },
      { requires: 0, value: 1_000_001 },
      { requires: 1 << 15, value: 77 },
    ];
    const closed = unanimityShapleyScaled(16, terms);
    const exact = shapleyExact(16, unanimityGame(16, terms));
    closed.forEach((c, i) => {
      expect(c * exact.denominator).toBe((exact.numerators[i] ?? 0n) * UNANIMITY_SCALE);
    });
  });
});
