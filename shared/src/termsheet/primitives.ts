import { z } from 'zod';
import { hasAtMostFourDecimals } from './units';

export const MAX_PARTIES = 16;
export const MAX_PERIODS = 600;
export const MAX_SCENARIOS = 20;
export const MAX_CLAUSES = 200;
export const MAX_LIST_ITEMS = 100;
/** Longest clause title and term-sheet title. */
export const MAX_CLAUSE_TITLE_LENGTH = 300;
/**
 * Largest magnitude of any single amount (10^12 minor units, 10 billion in major units). Keeping
 * inputs and per-period aggregates (pool, costs, KPI transfers) below it keeps every total over up
 * to 600 periods within exact integer arithmetic.
 */
export const MAX_AMOUNT = 1e12;
/** Largest magnitude of a driver value or any other plain number in a term sheet. */
export const MAX_NUMBER = 1e12;

/**
 * References (party, stream, scenario, KPI ids, driver names, clause ids). No dots, because ids
 * appear inside dotted parameter paths such as `fixed.csp`; no leading underscore, so `__proto__`
 * can never become a key.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,63}$/;

export const idSchema = z.string().regex(ID_PATTERN, {
  message: 'must be 1-64 letters, digits, "_", "-" or ":", starting with a letter or digit',
});

export const nameSchema = z.string().max(200);

/** Amount in minor units: an integer. Negative values are caught by the `negative-amount` rule. */
export const amountSchema = z
  .number()
  .int({ message: 'must be a whole number of minor units (cents)' })
  .min(-MAX_AMOUNT)
  .max(MAX_AMOUNT);

export const plainNumberSchema = z.number().min(-MAX_NUMBER).max(MAX_NUMBER);

export const nonNegativeNumberSchema = z.number().min(0).max(MAX_NUMBER);

function percentIn(min: number, max: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .refine(hasAtMostFourDecimals, { message: 'must have at most 4 decimals' });
}

/** A share of something: 0 to 100 %. */
export const sharePercentSchema = percentIn(0, 100);
/** A growth rate per period: above −100 %. */
export const growthPercentSchema = percentIn(-99.9999, 1000);
/** An annual discount rate. */
export const ratePercentSchema = percentIn(0, 1000);
/** A weight (contribution dimensions): any non-negative percentage. */
export const weightPercentSchema = percentIn(0, 1_000_000);
/** A driver's volatility: the standard deviation of its log change per period, in percent. */
export const volatilityPercentSchema = percentIn(0, 100);

/** `{ [partyId]: pct }`; absent parties get 0 %. */
export const splitSchema = z.record(idSchema, sharePercentSchema);

/** `{ [partyId]: amount }`. */
export const partyAmountsSchema = z.record(idSchema, amountSchema);
