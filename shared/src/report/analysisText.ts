// What every analysis report needs from its term sheet: amounts in major units of the currency,
// parties and scenarios by name, values in the unit of their parameter.
import type { TermSheet } from '../termsheet/schema';
import { currencyDigits, formatMinorUnits } from './money';

export interface TextContext {
  currency: string;
  periodUnit: string;
  money(amount: number | null | undefined): string;
  /** A change, with its sign: "+1,234.00", "-5.00", "0.00". */
  delta(amount: number | null | undefined): string;
  party(id: string): string;
  scenario(id: string): string;
  /** A parameter value in its unit: money, a percentage or a plain number. */
  value(value: number | null, unit: string): string;
}

export const EMPTY = '-';

/** A plain number with thousands grouped and at most 4 decimals, the same on every machine. */
export function formatNumber(value: number): string {
  const fixed = value.toFixed(4).replace(/\.?0+$/, '');
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function textContext(ts: TermSheet): TextContext {
  const digits = currencyDigits(ts.currency);
  const money = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? EMPTY : formatMinorUnits(amount, digits);
  return {
    currency: ts.currency,
    periodUnit: ts.assumptions.periodUnit,
    money,
    delta: (amount) =>
      amount === null || amount === undefined ? EMPTY : `${amount > 0 ? '+' : ''}${money(amount)}`,
    party(id) {
      const p = ts.parties.find((x) => x.id === id);
      return p ? `${p.name} (${id})` : id;
    },
    scenario(id) {
      const s = ts.assumptions.scenarios.find((x) => x.id === id);
      return s && s.name !== '' && s.name !== id ? `${s.name} (${id})` : id;
    },
    value(value, unit) {
      if (value === null) return EMPTY;
      if (unit === 'amount') return money(value);
      if (unit === 'share' || unit === 'percent') return `${formatNumber(value)} %`;
      return formatNumber(value);
    },
  };
}
