// Probability-weighted figures: each party's allocation, costs, net and NPV averaged over the
// scenarios by their probabilities, exact to the cent.
import { z } from 'zod';
import type { ValueResult } from '../engine/result';
import type { TermSheet } from '../termsheet/schema';
import { scalePercent } from '../termsheet/units';
import { weightedAverage } from './exact';
import { cents, centsSchema, pct, percentSchema } from './outcome';

export const weightedTotalsSchema = z.object({
  allocation: centsSchema,
  costs: centsSchema,
  net: centsSchema,
  npv: centsSchema,
});

export const probabilityWeightedSchema = z.object({
  probabilities: z.array(z.object({ scenarioId: z.string(), probabilityPct: percentSchema })),
  /** Σ probability × figure over the scenarios, rounded once, half away from zero. */
  parties: z.record(z.string(), weightedTotalsSchema),
});

export type WeightedTotals = z.infer<typeof weightedTotalsSchema>;
export type ProbabilityWeighted = z.infer<typeof probabilityWeightedSchema>;

/** The scenarios' probabilities as exact integer weights (1/10^4 %), or null without them. */
export function scenarioWeights(ts: TermSheet): Map<string, number> | null {
  const scenarios = ts.assumptions.scenarios;
  if (scenarios.some((s) => s.probabilityPct === undefined)) return null;
  return new Map(scenarios.map((s) => [s.id, scalePercent(s.probabilityPct ?? 0)]));
}

/**
 * The probability-weighted totals of a value result computed from `termsheet`, or null when its
 * scenarios carry no probabilities or the result has no figures (the sheet has errors).
 */
export function probabilityWeighted(
  result: ValueResult,
  termsheet: TermSheet,
): ProbabilityWeighted | null {
  const weights = scenarioWeights(termsheet);
  if (!weights || result.scenarios.length === 0) return null;
  const scenarios = result.scenarios.filter((s) => weights.has(s.id));
  const w = scenarios.map((s) => weights.get(s.id) ?? 0);
  const parties: Record<string, WeightedTotals> = {};
  for (const party of termsheet.parties) {
    const figure = (key: keyof WeightedTotals) =>
      cents(
        weightedAverage(
          scenarios.map((s) => s.totals[party.id]?.[key] ?? 0),
          w,
        ),
      );
    parties[party.id] = {
      allocation: figure('allocation'),
      costs: figure('costs'),
      net: figure('net'),
      npv: figure('npv'),
    };
  }
  return {
    probabilities: termsheet.assumptions.scenarios.map((s) => ({
      scenarioId: s.id,
      probabilityPct: pct(s.probabilityPct ?? 0),
    })),
    parties,
  };
}
