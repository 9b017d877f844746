// A change in a party's figures as the impact table shows it: signed, in the sheet's currency, and
// no change where the difference is only the engine's rounding of shares to the cent.
import { formatMoney } from '../../lib/format';

/**
 * Moves smaller than one unit of currency over the whole term are the engine's rounding of shares
 * to the cent, not an effect of the change: they read as no change.
 */
export const ROUNDING_NOISE_CENTS = 100;

function isRounding(delta: number): boolean {
  return Math.abs(delta) < ROUNDING_NOISE_CENTS;
}

export function signedDelta(delta: number | null, currency: string): string {
  if (delta === null) return 'new';
  if (isRounding(delta)) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatMoney(Math.abs(delta), currency)}`;
}

export function deltaTone(delta: number | null): string {
  if (delta === null || isRounding(delta)) return 'is-flat';
  return delta > 0 ? 'is-up' : 'is-down';
}
