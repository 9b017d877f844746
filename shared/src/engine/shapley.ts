/**
 * Shapley values, exact. A coalition is a bitmask over the parties (bit i = party i), n ≤ 16.
 */

export interface ExactShapley {
  /** φ(i) = numerators[i] / denominator, exactly. */
  numerators: bigint[];
  denominator: bigint;
}

function factorial(k: number): bigint {
  let f = 1n;
  for (let i = 2; i <= k; i++) f *= BigInt(i);
  return f;
}

function popcount(mask: number): number {
  let c = 0;
  for (let m = mask; m !== 0; m &= m - 1) c++;
  return c;
}

/**
 * The Shapley value of any game v over coalitions (integer-valued), by the definition:
 * φ(i) = Σ over S ∌ i of |S|! (n − |S| − 1)! / n! × (v(S ∪ {i}) − v(S)).
 * Exponential in n; the engine uses the closed form below, this is its reference.
 */
export function shapleyExact(n: number, v: (coalition: number) => bigint | number): ExactShapley {
  const size = 1 << n;
  const values = new Array<bigint>(size);
  for (let mask = 0; mask < size; mask++) values[mask] = BigInt(v(mask));
  const coef: bigint[] = [];
  for (let k = 0; k < n; k++) coef.push(factorial(k) * factorial(n - k - 1));
  const numerators = new Array<bigint>(n).fill(0n);
  for (let mask = 0; mask < size; mask++) {
    const c = coef[popcount(mask)];
    if (c === undefined) continue; // the grand coalition has no one left to join it
    const base = values[mask] ?? 0n;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      numerators[i] = (numerators[i] ?? 0n) + c * ((values[mask | bit] ?? 0n) - base);
    }
  }
  return { numerators, denominator: factorial(n) };
}

/** lcm(1..16): every unanimity share value / |R| becomes an integer once scaled by it. */
export const UNANIMITY_SCALE = 720720n;

export interface UnanimityTerm {
  /** The coalition R without which the value does not exist (0 = all parties). */
  requires: number;
  value: bigint | number;
}

/** v(S) = Σ value of the terms whose `requires` ⊆ S (an empty `requires` means every party). */
export function unanimityGame(
  n: number,
  terms: readonly UnanimityTerm[],
): (mask: number) => bigint {
  const all = (1 << n) - 1;
  return (mask) => {
    let total = 0n;
    for (const term of terms) {
      const r = term.requires === 0 ? all : term.requires;
      if ((r & mask) === r) total += BigInt(term.value);
    }
    return total;
  };
}

/**
 * Closed form for a sum of unanimity games: each term's value is split equally among the parties
 * it requires. Returns φ(i) × UNANIMITY_SCALE, exact integers.
 */
export function unanimityShapleyScaled(n: number, terms: readonly UnanimityTerm[]): bigint[] {
  const all = (1 << n) - 1;
  const phi = new Array<bigint>(n).fill(0n);
  for (const term of terms) {
    const r = (term.requires === 0 ? all : term.requires) & all;
    const members = popcount(r);
    if (members === 0) continue;
    const share = (BigInt(term.value) * UNANIMITY_SCALE) / BigInt(members);
    for (let i = 0; i < n; i++) if (r & (1 << i)) phi[i] = (phi[i] ?? 0n) + share;
  }
  return phi;
}
