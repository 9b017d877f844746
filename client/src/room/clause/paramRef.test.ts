// Parameter chips show what a person expects to read: amounts in the sheet's currency, shares as
// percentages, names instead of ids, and a missing parameter named as missing.
import { templates } from '@parley/shared/templates';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../sheet';
import { chipText } from '../names';

const sheet = readSheet(structuredClone(templates.telematics));

describe('parameter chips', () => {
  it('show amounts in the sheet currency, shares as percentages and parties by name', () => {
    expect(chipText(sheet, 'c-revenue', 'streams.0.unitPrice').text).toMatch(/^€\d/);
    expect(chipText(sheet, 'c-sharing', 'fixed.csp')).toEqual({
      text: '30 %',
      name: 'Fixed split · Meridian Connect',
      missing: false,
    });
    expect(chipText(sheet, 'c-floors', 'floors.app').text).toBe('€20,000.00');
    expect(chipText(sheet, 'c-term', 'durationMonths').text).toBe('60');
    expect(chipText(sheet, 'c-exit', 'triggers.0.party').text).toBe('Lanternfish Mobility Apps');
  });

  it('say when the parameter they refer to is gone, by its name', () => {
    expect(chipText(sheet, 'c-revenue', 'streams.9.unitPrice')).toMatchObject({
      text: 'missing: Stream 10 · Unit price',
      missing: true,
    });
  });
});
