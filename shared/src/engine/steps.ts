import { roundHalfAway } from '../termsheet/units';
import type { PreparedWeights } from './largest-remainder';
import { largestRemainder, splitByWeights } from './largest-remainder';

/** Step 3: pays each party's due (carried balance + this period's costs) out of the pool. */
export function recoverCosts(
  pool: number,
  dues: readonly number[],
): { recovered: number[]; remaining: number } {
  let total = 0;
  for (const d of dues) total += d;
  if (total <= pool) return { recovered: dues.slice(), remaining: pool - total };
  // Pro rata to the dues; whatever is left unpaid carries to the next period.
  return { recovered: largestRemainder(pool, dues), remaining: 0 };
}

export interface PreparedTier {
  upTo: number | null;
  weights: PreparedWeights;
}

/** Step 4, tiered: each band (previous upTo, upTo] of P1 is split by its own tier's percentages. */
export function splitTiered(amount: number, tiers: readonly PreparedTier[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  let lower = 0;
  for (const tier of tiers) {
    if (amount <= lower) break;
    const upper = tier.upTo === null ? amount : Math.min(amount, tier.upTo);
    const band = upper - lower;
    if (band > 0) {
      const parts = splitByWeights(band, tier.weights);
      for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) + (parts[i] ?? 0);
    }
    if (tier.upTo === null) break;
    lower = tier.upTo;
  }
  return out;
}

/**
 * Distributes `amount` among the parties not in `fixed`, in proportion to `base` (equally when
 * their base values are all 0); fixed parties get 0 here.
 */
function distributeAmongOthers(
  amount: number,
  base: readonly number[],
  fixed: readonly boolean[],
): number[] {
  let sum = 0;
  for (let i = 0; i < base.length; i++) if (!fixed[i]) sum += base[i] ?? 0;
  const weights = base.map((b, i) => (fixed[i] ? 0 : sum === 0 ? 1 : b));
  return largestRemainder(amount, weights);
}

/**
 * Step 5: raises parties below their floor, the others paying in proportion to their split,
 * repeated while that pushes someone else below a floor. When the floors together exceed P1, P1 is
 * split in proportion to the floors instead (`exceeded`).
 */
export function applyFloors(
  shared: number,
  split: readonly number[],
  floors: readonly number[],
): { split: number[]; exceeded: boolean } {
  const n = split.length;
  let floorTotal = 0;
  for (const f of floors) floorTotal += f;
  if (floorTotal > shared) {
    return { split: largestRemainder(shared, floors), exceeded: true };
  }
  const fixed = new Array<boolean>(n).fill(false);
  let current = split.slice();
  for (let round = 0; round <= n; round++) {
    let raised = false;
    for (let i = 0; i < n; i++) {
      if (!fixed[i] && (current[i] ?? 0) < (floors[i] ?? 0)) {
        fixed[i] = true;
        raised = true;
      }
    }
    if (!raised) break;
    let rest = shared;
    for (let i = 0; i < n; i++) if (fixed[i]) rest -= floors[i] ?? 0;
    const others = distributeAmongOthers(rest, split, fixed);
    current = others.map((x, i) => (fixed[i] ? (floors[i] ?? 0) : x));
  }
  return { split: current, exceeded: false };
}

/**
 * Step 6: cuts parties above their cap (null = no cap), the rest going to the parties not cut in
 * proportion to their split, repeated while that pushes someone else over. Excess no remaining
 * party can take goes to the lead (`overflow`), even beyond the lead's own cap.
 */
export function applyCaps(
  shared: number,
  split: readonly number[],
  caps: readonly (number | null)[],
  lead: number,
): { split: number[]; overflow: boolean } {
  const n = split.length;
  const capped = new Array<boolean>(n).fill(false);
  let current = split.slice();
  for (let round = 0; round <= n; round++) {
    let cut = false;
    for (let i = 0; i < n; i++) {
      const cap = caps[i];
      if (!capped[i] && cap !== null && cap !== undefined && (current[i] ?? 0) > cap) {
        capped[i] = true;
        cut = true;
      }
    }
    if (!cut) break;
    let rest = shared;
    let othersBase = 0;
    for (let i = 0; i < n; i++) {
      if (capped[i]) rest -= caps[i] ?? 0;
      else othersBase += split[i] ?? 0;
    }
    if (othersBase === 0) {
      // Nobody uncapped can take the excess (none left, or all at 0): the lead keeps it.
      current = split.map((s, i) => (capped[i] ? (caps[i] ?? 0) : s));
      current[lead] = (current[lead] ?? 0) + rest - othersBase;
      return { split: current, overflow: true };
    }
    const weights = split.map((s, i) => (capped[i] ? 0 : s));
    const others = largestRemainder(rest, weights);
    current = others.map((x, i) => (capped[i] ? (caps[i] ?? 0) : x));
  }
  return { split: current, overflow: false };
}

export interface PreparedKpi {
  sign: 1 | -1;
  target: number;
  ratePerUnit: number;
  capPerPeriod: number | null;
  funder: number;
  beneficiaries: PreparedWeights;
}

/** Step 7: transfer = round(deviation × rate), clamped to ±cap; positive = funder pays. */
export function kpiTransfer(kpi: PreparedKpi, actual: number): number {
  const deviation = (actual - kpi.target) * kpi.sign;
  let transfer = roundHalfAway(deviation * kpi.ratePerUnit);
  if (kpi.capPerPeriod !== null) {
    transfer = Math.max(-kpi.capPerPeriod, Math.min(kpi.capPerPeriod, transfer));
  }
  return transfer === 0 ? 0 : transfer;
}

/** Adds one KPI's transfer to `into`: funder ↔ beneficiaries by largest remainder, sum zero. */
export function addKpiTransfer(into: number[], kpi: PreparedKpi, transfer: number): void {
  if (transfer === 0) return;
  const magnitude = Math.abs(transfer);
  const shares = splitByWeights(magnitude, kpi.beneficiaries);
  const direction = transfer > 0 ? 1 : -1;
  into[kpi.funder] = (into[kpi.funder] ?? 0) - direction * magnitude;
  for (let i = 0; i < shares.length; i++) {
    into[i] = (into[i] ?? 0) + direction * (shares[i] ?? 0);
  }
}
