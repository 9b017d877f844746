// Parameter chips show what a person expects to read: amounts in the sheet's currency, shares as
// percentages, and a missing parameter named as missing.
import { describe, expect, it } from 'vitest';
import { formatParamValue } from './paramRef';

describe('parameter chips', () => {
  it('show amounts in the sheet currency and shares as percentages', () => {
    expect(formatParamValue('streams.0.unitPrice', 900, 'EUR')).toBe('€9.00');
    expect(formatParamValue('floors.csp', 400000, 'EUR')).toBe('€4,000.00');
    expect(formatParamValue('fixed.csp', 33.3333, 'EUR')).toBe('33.3333 %');
    expect(formatParamValue('durationMonths', 18, 'EUR')).toBe('18');
  });

  it('say when the parameter they refer to is gone', () => {
    expect(formatParamValue('streams.5.unitPrice', undefined, 'EUR')).toBe(
      'missing: streams.5.unitPrice',
    );
    expect(formatParamValue('tiers.1.upTo', null, 'EUR')).toBe('no limit');
  });
});
