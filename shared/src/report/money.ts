// ISO 4217 minor-unit exponents that differ from the usual two decimals.
const minorUnitDigits: Record<string, number> = {
  BHD: 3,
  CLP: 0,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  OMR: 3,
  TND: 3,
  UGX: 0,
  VND: 0,
};

export function currencyDigits(currency: string): number {
  return minorUnitDigits[currency.toUpperCase()] ?? 2;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats an integer amount in minor units as major units with thousands separators,
 * e.g. 123456789 EUR cents -> "1,234,567.89". Done by hand rather than with Intl so the
 * output is the same on every machine and locale.
 */
export function formatMinorUnits(amount: number, digits: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Math.round(amount)).toString();
  if (digits === 0) return sign + groupThousands(abs);
  const padded = abs.padStart(digits + 1, '0');
  const whole = padded.slice(0, -digits);
  const fraction = padded.slice(-digits);
  return `${sign}${groupThousands(whole)}.${fraction}`;
}

/** Minor units grouped in thousands, for results read without their term sheet. */
export function formatInteger(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + groupThousands(Math.abs(Math.round(amount)).toString());
}
