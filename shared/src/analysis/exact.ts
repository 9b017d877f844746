// Exact integer arithmetic for the analyses: percentages of amounts and weighted averages of
// cents, computed in BigInt and rounded once, half away from zero, like the engine.
import { scalePercent, PERCENT_SCALE } from '../termsheet/units';

/** num / den rounded half away from zero; den > 0. */
export function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num - q * den;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= den) return num < 0n ? q - 1n : q + 1n;
  return q;
}

/** round(amount × pct / 100), exactly. */
export function percentOf(amount: number, pct: number): number {
  const scaled = BigInt(scalePercent(pct));
  return Number(roundDiv(BigInt(amount) * scaled, BigInt(100 * PERCENT_SCALE)));
}

/** round(Σ values[i] × weights[i] / Σ weights), exactly; weights are non-negative integers. */
export function weightedAverage(values: readonly number[], weights: readonly number[]): number {
  let num = 0n;
  let den = 0n;
  values.forEach((v, i) => {
    const w = BigInt(weights[i] ?? 0);
    num += BigInt(v) * w;
    den += w;
  });
  return den === 0n ? 0 : Number(roundDiv(num, den));
}
