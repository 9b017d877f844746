// Statistics of simulated outcomes with exact integer weights (1 per path, or a scenario's
// probability): nearest-rank percentiles, shares of paths, a histogram.
import { z } from 'zod';
import { roundPercent } from '../termsheet/units';
import { weightedAverage } from './exact';
import { cents, centsSchema, pct, percentSchema } from './outcome';

export const HISTOGRAM_BINS = 20;

export const netStatsSchema = z.object({
  min: centsSchema,
  p5: centsSchema,
  p25: centsSchema,
  p50: centsSchema,
  p75: centsSchema,
  p95: centsSchema,
  max: centsSchema,
  mean: centsSchema,
});

export const npvStatsSchema = z.object({
  p5: centsSchema,
  p50: centsSchema,
  p95: centsSchema,
  mean: centsSchema,
});

export const exitStatsSchema = z.object({
  /** Share of paths in which one of the party's exit triggers fires. */
  firedPct: percentSchema,
  /** Where the first trigger fires, most frequent period first (ties: earlier period first). */
  periods: z.array(z.object({ period: z.number().int(), pct: percentSchema })),
});

export const histogramSchema = z.object({
  /** Bin k holds nets in [from + k × width, from + (k + 1) × width). */
  from: centsSchema,
  width: centsSchema,
  pct: z.array(percentSchema),
});

export const partyRiskSchema = z.object({
  /** Share of paths (or of probability) in which the net over the term is below 0. */
  netBelowZeroPct: percentSchema,
  net: netStatsSchema,
  npv: npvStatsSchema,
  exit: exitStatsSchema,
  histogram: histogramSchema,
});

export type PartyRisk = z.infer<typeof partyRiskSchema>;

export interface Sample {
  net: number;
  npv: number;
  exitPeriod: number | null;
  weight: number;
}

function share(part: number, total: number) {
  return pct(total === 0 ? 0 : roundPercent((part * 100) / total));
}

/** Nearest rank: the smallest value whose cumulative weight reaches q % of the total. */
function quantiles(values: readonly { v: number; weight: number }[], qs: readonly number[]) {
  const sorted = [...values].sort((a, b) => a.v - b.v);
  const total = sorted.reduce((a, s) => a + s.weight, 0);
  return qs.map((q) => {
    let cumulative = 0;
    for (const s of sorted) {
      cumulative += s.weight;
      if (cumulative * 100 >= q * total) return s.v;
    }
    return sorted[sorted.length - 1]?.v ?? 0;
  });
}

export function partyRisk(samples: readonly Sample[]): PartyRisk {
  const total = samples.reduce((a, s) => a + s.weight, 0);
  const nets = samples.map((s) => ({ v: s.net, weight: s.weight }));
  const npvs = samples.map((s) => ({ v: s.npv, weight: s.weight }));
  const [p5, p25, p50, p75, p95] = quantiles(nets, [5, 25, 50, 75, 95]);
  const [v5, v50, v95] = quantiles(npvs, [5, 50, 95]);
  const weights = samples.map((s) => s.weight);
  let min = Infinity;
  let max = -Infinity;
  let below = 0;
  let fired = 0;
  const byPeriod = new Map<number, number>();
  for (const s of samples) {
    min = Math.min(min, s.net);
    max = Math.max(max, s.net);
    if (s.net < 0) below += s.weight;
    if (s.exitPeriod !== null) {
      fired += s.weight;
      byPeriod.set(s.exitPeriod, (byPeriod.get(s.exitPeriod) ?? 0) + s.weight);
    }
  }
  if (samples.length === 0) min = max = 0;
  const width = Math.max(1, Math.ceil((max - min + 1) / HISTOGRAM_BINS));
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const s of samples) {
    const k = Math.min(HISTOGRAM_BINS - 1, Math.floor((s.net - min) / width));
    bins[k] = (bins[k] ?? 0) + s.weight;
  }
  return {
    netBelowZeroPct: share(below, total),
    net: {
      min: cents(min),
      p5: cents(p5 ?? 0),
      p25: cents(p25 ?? 0),
      p50: cents(p50 ?? 0),
      p75: cents(p75 ?? 0),
      p95: cents(p95 ?? 0),
      max: cents(max),
      mean: cents(
        weightedAverage(
          samples.map((s) => s.net),
          weights,
        ),
      ),
    },
    npv: {
      p5: cents(v5 ?? 0),
      p50: cents(v50 ?? 0),
      p95: cents(v95 ?? 0),
      mean: cents(
        weightedAverage(
          samples.map((s) => s.npv),
          weights,
        ),
      ),
    },
    exit: {
      firedPct: share(fired, total),
      periods: [...byPeriod]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([period, w]) => ({ period, pct: share(w, total) })),
    },
    histogram: { from: cents(min), width: cents(width), pct: bins.map((w) => share(w, total)) },
  };
}
