// Amounts and percentages as people read and type them: rounding, currencies and the input
// mistakes the parameter fields must refuse.
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoneyInput, parsePercentInput } from './format';

describe('amount inputs', () => {
  it('turns what a person types into cents', () => {
    expect(parseMoneyInput('12.5')).toEqual({ ok: true, value: 1250 });
    expect(parseMoneyInput('1,234.56')).toEqual({ ok: true, value: 123456 });
    expect(parseMoneyInput('0.005')).toEqual({ ok: true, value: 1 });
  });

  it('explains what is wrong with text that is not an amount', () => {
    const result = parseMoneyInput('12abc');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/amount/);
  });

  it('shows cents in the sheet currency', () => {
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
  });
});

describe('percentage inputs', () => {
  it('accepts a trailing percent sign and keeps at most 4 decimals', () => {
    expect(parsePercentInput('35 %')).toEqual({ ok: true, value: 35 });
    expect(parsePercentInput('33.333333')).toEqual({ ok: true, value: 33.3333 });
  });

  it('rejects empty input', () => {
    expect(parsePercentInput('').ok).toBe(false);
  });
});
