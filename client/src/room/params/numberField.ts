// What a number field accepts and how it shows a value: parsing typed text in the field's unit,
// within the same limits the term-sheet schema sets, with a message that says what is wrong.
import { MAX_AMOUNT, MAX_NUMBER } from '@parley/shared/termsheet';
import {
  formatMoney,
  formatNumber,
  parseDecimal,
  parseMoneyInput,
  parsePercentInput,
} from '../../lib/format';
import type { NumberUnit } from './fieldSpec';

export interface NumberRules {
  unit: NumberUnit;
  nullable?: boolean;
  /** Inclusive bounds in stored units (cents for amounts); the schema's, when it sets them. */
  min?: number;
  max?: number;
  /** Only whole numbers. */
  int?: boolean;
  currency: string;
}

export type NumberParse = { ok: true; value: number | null } | { ok: false; message: string };

/** A stored value as the field shows it when it is not being edited. */
export function toDisplay(value: unknown, unit: NumberUnit): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (unit === 'money') {
    const major = value / 100;
    return major.toLocaleString('en-GB', {
      minimumFractionDigits: Number.isInteger(major) ? 0 : 2,
      maximumFractionDigits: 2,
    });
  }
  return formatNumber(value);
}

/** A value in words for people, with its unit: "€35.00", "45 %", "12". */
export function describeValue(value: unknown, unit: NumberUnit, currency: string): string {
  if (value === undefined) return 'not set';
  if (value === null) return 'no limit';
  if (typeof value !== 'number') return String(value);
  if (unit === 'money') return formatMoney(value, currency);
  if (unit === 'percent') return `${formatNumber(value)} %`;
  return formatNumber(value);
}

function bounds(rules: NumberRules): { min: number; max: number } {
  const limit = rules.unit === 'money' ? MAX_AMOUNT : MAX_NUMBER;
  return { min: rules.min ?? -limit, max: rules.max ?? limit };
}

function rangeMessage(rules: NumberRules, min: number, max: number): string {
  const show = (v: number) => describeValue(v, rules.unit, rules.currency);
  const limit = rules.unit === 'money' ? MAX_AMOUNT : MAX_NUMBER;
  if (min <= -limit) return `Enter at most ${show(max)}`;
  if (max >= limit) return `Enter at least ${show(min)}`;
  return `Enter a value from ${show(min)} to ${show(max)}`;
}

/** Parses what a person typed; anything that is not a whole, in-range value is refused. */
export function parseNumberField(text: string, rules: NumberRules): NumberParse {
  if (text.trim() === '') {
    if (rules.nullable) return { ok: true, value: null };
    return { ok: false, message: rules.unit === 'money' ? 'Enter an amount' : 'Enter a number' };
  }
  let parsed;
  if (rules.unit === 'money') parsed = parseMoneyInput(text);
  else if (rules.unit === 'percent') parsed = parsePercentInput(text);
  else parsed = parseDecimal(text);
  if (!parsed.ok) return parsed;
  if ((rules.int || rules.unit === 'count') && rules.unit !== 'money') {
    if (!Number.isInteger(parsed.value)) return { ok: false, message: 'Enter a whole number' };
  }
  const { min, max } = bounds(rules);
  if (parsed.value < min || parsed.value > max)
    return { ok: false, message: rangeMessage(rules, min, max) };
  return { ok: true, value: parsed.value };
}
