/**
 * Splitting an integer amount among parties by the largest remainder method, with exact integer
 * quotas: quota(i) = amount × w(i) / Σw computed in integers, integer parts first, then the
 * leftover units one by one to the largest remainders, ties to the party listed earlier.
 *
 * Weights are non-negative integers. Number arithmetic is used while every product stays within
 * 2^53 (exact); BigInt takes over beyond that.
 */
export interface PreparedWeights {
  readonly n: number;
  /** The weights as numbers when their total is a safe integer, else null. */
  readonly small: readonly number[] | null;
  readonly smallTotal: number;
  /** The weights as BigInts, or null when `small` holds them (converted only when needed). */
  readonly big: readonly bigint[] | null;
  readonly bigTotal: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function prepareWeights(weights: readonly (number | bigint)[]): PreparedWeights {
  const n = weights.length;
  if (weights.every((w) => typeof w === 'number')) {
    const small = weights as readonly number[];
    let total = 0;
    for (const w of small) total += w;
    if (total === 0) {
      // Nothing to weigh by: everyone counts the same.
      return { n, small: small.map(() => 1), smallTotal: n, big: null, bigTotal: BigInt(n) };
    }
    if (total <= Number.MAX_SAFE_INTEGER) {
      return { n, small, smallTotal: total, big: null, bigTotal: BigInt(total) };
    }
  }
  let big = weights.map((w) => (typeof w === 'bigint' ? w : BigInt(w)));
  let bigTotal = big.reduce((s, w) => s + w, 0n);
  if (bigTotal === 0n) {
    // Nothing to weigh by: everyone counts the same.
    big = big.map(() => 1n);
    bigTotal = BigInt(big.length);
  } else {
    let g = 0n;
    for (const w of big) g = gcd(w, g);
    if (g > 1n) {
      big = big.map((w) => w / g);
      bigTotal /= g;
    }
  }
  const safe = bigTotal <= BigInt(Number.MAX_SAFE_INTEGER);
  return {
    n: big.length,
    small: safe ? big.map(Number) : null,
    smallTotal: safe ? Number(bigTotal) : 0,
    big,
    bigTotal,
  };
}

function distributeLeftover(
  parts: number[],
  remainders: readonly (number | bigint)[],
  leftover: number,
): void {
  if (leftover <= 0) return;
  const given = new Uint8Array(parts.length);
  for (let k = 0; k < leftover; k++) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) {
      if (given[i]) continue;
      if (best < 0 || (remainders[i] as number | bigint) > (remainders[best] as number | bigint)) {
        best = i;
      }
    }
    if (best < 0) break;
    given[best] = 1;
    parts[best] = (parts[best] ?? 0) + 1;
  }
}

/** Splits a non-negative integer amount; see the module comment. Σ result = amount exactly. */
function splitNonNegative(amount: number, w: PreparedWeights): number[] {
  const parts = new Array<number>(w.n);
  if (amount === 0) return parts.fill(0);
  if (w.small !== null && amount * w.smallTotal <= Number.MAX_SAFE_INTEGER) {
    const total = w.smallTotal;
    const remainders = new Array<number>(w.n);
    let assigned = 0;
    for (let i = 0; i < w.n; i++) {
      const product = amount * (w.small[i] ?? 0);
      const r = product % total;
      const q = (product - r) / total;
      parts[i] = q;
      remainders[i] = r;
      assigned += q;
    }
    distributeLeftover(parts, remainders, amount - assigned);
    return parts;
  }
  const a = BigInt(amount);
  const big = w.big ?? (w.small ?? []).map((x) => BigInt(x));
  const remainders = new Array<bigint>(w.n);
  let assigned = 0;
  for (let i = 0; i < w.n; i++) {
    const product = a * (big[i] ?? 0n);
    const q = product / w.bigTotal;
    parts[i] = Number(q);
    remainders[i] = product - q * w.bigTotal;
    assigned += Number(q);
  }
  distributeLeftover(parts, remainders, amount - assigned);
  return parts;
}

/** Splits an integer amount (negative amounts split their magnitude, then flip the sign). */
export function splitByWeights(amount: number, w: PreparedWeights): number[] {
  if (amount < 0) return splitNonNegative(0 - amount, w).map((x) => 0 - x);
  return splitNonNegative(amount, w);
}

export function largestRemainder(amount: number, weights: readonly (number | bigint)[]): number[] {
  return splitByWeights(amount, prepareWeights(weights));
}
