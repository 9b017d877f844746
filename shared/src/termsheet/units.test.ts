import { describe, expect, it } from 'vitest';
import { cents, hasAtMostFourDecimals, percent, roundHalfAway, roundPercent } from './units';

describe('units', () => {
  it('rounds half away from zero', () => {
    expect([2.5, 3.5, -2.5, -0.5, 0.4, -0.4, 1.49].map(roundHalfAway)).toEqual([
      3, 4, -3, -1, 0, 0, 1,
    ]);
    expect(Object.is(roundHalfAway(-0.2), 0)).toBe(true);
  });

  it('rounds percentages to 4 decimals', () => {
    expect(roundPercent(100 / 3)).toBe(33.3333);
    expect(roundPercent(2 / 3)).toBe(0.6667);
    expect(percent(2.71828)).toBe(2.7183);
    expect(cents(10.5)).toBe(11);
  });

  it('accepts at most 4 decimals', () => {
    expect([35, 33.3333, 0.0001, 99.9999, 12.5].every(hasAtMostFourDecimals)).toBe(true);
    expect([33.33333, 0.00001, Number.NaN, Infinity].some(hasAtMostFourDecimals)).toBe(false);
  });
});
