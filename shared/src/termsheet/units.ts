declare const centsBrand: unique symbol;
declare const percentBrand: unique symbol;

/** An integer amount in minor units of the term sheet's currency. */
export type Cents = number & { readonly [centsBrand]: true };
/** A percentage (35 means 35 %) with at most 4 decimals. */
export type Percent = number & { readonly [percentBrand]: true };

/** Percentages carry at most 4 decimals, so 10^4 turns every one into an exact integer. */
export const PERCENT_SCALE = 10_000;
/** 100 % in scaled units. */
export const HUNDRED_PERCENT_SCALED = 100 * PERCENT_SCALE;

/** Rounds half away from zero (2.5 → 3, −2.5 → −3), the rounding the value engine uses everywhere. */
export function roundHalfAway(x: number): number {
  const r = x < 0 ? 0 - Math.round(-x) : Math.round(x);
  // Math.round(0.49999999999999994) is 0 and Math.round(x.5) rounds up, which is what we want for
  // the magnitude; normalise −0 so JSON and equality stay clean.
  return r === 0 ? 0 : r;
}

/** Rounds to 4 decimals, half away from zero. */
export function roundPercent(x: number): number {
  return roundHalfAway(x * PERCENT_SCALE) / PERCENT_SCALE;
}

export function cents(n: number): Cents {
  return roundHalfAway(n) as Cents;
}

export function percent(n: number): Percent {
  return roundPercent(n) as Percent;
}

/** True when n has at most 4 decimals (tolerating binary representation noise, e.g. 33.3333). */
export function hasAtMostFourDecimals(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  const scaled = n * PERCENT_SCALE;
  // Only binary noise is forgiven: a few units in the last place of the scaled value.
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled) * 1e-3);
}

/** A percentage as an exact integer count of 1/10^4 %. */
export function scalePercent(n: number): number {
  return Math.round(n * PERCENT_SCALE);
}
