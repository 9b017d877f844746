/**
 * Turns non-negative finite doubles into integer weights with exactly the same ratios: every
 * double is an integer times a power of two, so scaling all of them by the largest needed power of
 * two is lossless (weights keep every significant digit the doubles have).
 */
export function exactIntegerWeights(values: readonly number[]): bigint[] {
  const mantissas: bigint[] = [];
  const shifts: number[] = [];
  let maxShift = 0;
  for (const value of values) {
    if (!(value > 0) || !Number.isFinite(value)) {
      mantissas.push(0n);
      shifts.push(0);
      continue;
    }
    let x = value;
    let shift = 0;
    while (!Number.isInteger(x) && shift < 1100) {
      x *= 2;
      shift++;
    }
    mantissas.push(BigInt(x));
    shifts.push(shift);
    if (shift > maxShift) maxShift = shift;
  }
  return mantissas.map((m, i) => m << BigInt(maxShift - (shifts[i] ?? 0)));
}

/** part / total × 100, rounded to 4 decimals half away from zero, exactly; null when total is 0. */
export function sharePct(part: bigint | number, total: bigint | number): number | null {
  const p = BigInt(part);
  const t = BigInt(total);
  if (t === 0n) return null;
  const negative = p < 0n !== t < 0n;
  const num = (p < 0n ? -p : p) * 1_000_000n;
  const den = t < 0n ? -t : t;
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  const scaled = Number(q);
  return (negative && scaled !== 0 ? -scaled : scaled) / 10_000;
}
