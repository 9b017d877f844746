// The impact table reads rounding as no change and real moves with their sign.
import { describe, expect, it } from 'vitest';
import { deltaTone, signedDelta } from './impactFormat';

describe('impact figures', () => {
  it('show rounding of a cent or so as no change, for parties the change does not touch', () => {
    expect(signedDelta(1, 'EUR')).toBe('±0');
    expect(signedDelta(-99, 'EUR')).toBe('±0');
    expect(deltaTone(1)).toBe('is-flat');
  });

  it('show a real move with its sign and tone, and a new figure as new', () => {
    expect(signedDelta(12_345, 'EUR')).toBe('+€123.45');
    expect(signedDelta(-12_345, 'EUR')).toBe('−€123.45');
    expect(deltaTone(12_345)).toBe('is-up');
    expect(deltaTone(-12_345)).toBe('is-down');
    expect(signedDelta(null, 'EUR')).toBe('new');
  });
});
