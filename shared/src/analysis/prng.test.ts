import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detExp, detLn, detSqrt } from './det-math';
import { createPrng, hash32, prngFromState } from './prng';

describe('deterministic math', () => {
  it('agrees with Math.log, Math.exp and Math.sqrt to within a few units in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(Math.abs(detLn(x) - Math.log(x))).toBeLessThanOrEqual(
          4 * Number.EPSILON * Math.max(1, Math.abs(Math.log(x))),
        );
        expect(Math.abs(detSqrt(x) - Math.sqrt(x))).toBeLessThanOrEqual(
          2 * Number.EPSILON * Math.sqrt(x),
        );
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(detExp(x) - Math.exp(x))).toBeLessThanOrEqual(
          8 * Number.EPSILON * Math.exp(x),
        );
      }),
    );
  });

  it('handles the edges', () => {
    expect(detLn(1)).toBe(0);
    expect(detLn(0)).toBeNaN();
    expect(detLn(-1)).toBeNaN();
    expect(detExp(0)).toBe(1);
    expect(detExp(1000)).toBe(Infinity);
    expect(detExp(-1000)).toBe(0);
    expect(detSqrt(0)).toBe(0);
    expect(detSqrt(4)).toBe(2);
    expect(detSqrt(-1)).toBeNaN();
  });
});

describe('seeded generator', () => {
  it('gives the same sequence for the same seed and stream, another for another', () => {
    const draw = (seed: number, stream: string) => {
      const g = createPrng(seed, stream);
      return Array.from({ length: 5 }, () => g.nextUint32());
    };
    expect(draw(7, 'a')).toEqual(draw(7, 'a'));
    expect(draw(7, 'a')).not.toEqual(draw(8, 'a'));
    expect(draw(7, 'a')).not.toEqual(draw(7, 'b'));
  });

  it('is xoshiro128**: the reference algorithm from the state 1, 2, 3, 4', () => {
    // Worked by hand from the reference C code: rotl(s1 × 5, 7) × 9, then the state update.
    const g = prngFromState([1, 2, 3, 4]);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('is pinned: these are the first outputs of seed 1, stream "scenario:base"', () => {
    // A change here changes every Monte Carlo figure ever published with a seed.
    const g = createPrng(1, 'scenario:base');
    expect(Array.from({ length: 4 }, () => g.nextUint32())).toMatchInlineSnapshot(`
      [
        617200235,
        2394426547,
        3504117854,
        2748228904,
      ]
    `);
    expect(hash32('scenario:base')).toMatchInlineSnapshot(`611858482`);
  });

  it('draws uniforms in [0, 1) and standard normals with the right moments', () => {
    const g = createPrng(42);
    let sum = 0;
    let sumSq = 0;
    let below = 0;
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = g.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      const z = g.nextNormal();
      sum += z;
      sumSq += z * z;
      if (z < -1.6448536) below++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(below / n - 0.05)).toBeLessThan(0.003);
  });
});
