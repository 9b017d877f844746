/** Formatting of amounts (integers in minor units) and percentages for display and for inputs. */

const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact ? 'c' : 'f'}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      });
    } catch {
      formatter = new Intl.NumberFormat('en-GB', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    }
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** 123456 cents in EUR → "€1,234.56". */
export function formatMoney(cents: number, currency: string): string {
  return moneyFormatter(currency, false).format(cents / 100);
}

/** 123456789 cents → "€1.2M": for chart axes and tight spaces. */
export function formatMoneyCompact(cents: number, currency: string): string {
  return moneyFormatter(currency, true).format(cents / 100);
}

export function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

export function formatPercent(value: number, digits = 1): string {
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} %`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 4 });
}

/** Cents → the text an amount input shows: "1234.5" → "1,234.50" is avoided so that editing stays simple. */
export function centsToInput(cents: number): string {
  const major = cents / 100;
  return Number.isInteger(major) ? String(major) : major.toFixed(2);
}

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

/** Parses a decimal typed by a person: accepts thousands separators and spaces, rejects anything else. */
export function parseDecimal(text: string): ParseResult {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter a number' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return { ok: false, message: 'Enter a number' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a number' };
  return { ok: true, value };
}

/** Parses an amount in major units ("12.34") into cents, rounding half away from zero. */
export function parseMoneyInput(text: string): ParseResult {
  const parsed = parseDecimal(text);
  if (!parsed.ok) return { ok: false, message: 'Enter an amount, e.g. 12.50' };
  const cents = Math.sign(parsed.value) * Math.round(Math.abs(parsed.value) * 100);
  return { ok: true, value: cents };
}

/** Parses a percentage (at most 4 decimals, per the term-sheet format). */
export function parsePercentInput(text: string): ParseResult {
  const parsed = parseDecimal(text.replace(/%/g, ''));
  if (!parsed.ok) return { ok: false, message: 'Enter a percentage, e.g. 35' };
  const rounded = Math.round(parsed.value * 10000) / 10000;
  return { ok: true, value: rounded };
}
