// The Monte Carlo result: per scenario, and over all scenarios by probability when the sheet has
// probabilities, each party's chance of a loss, spread of net and NPV, and exit-trigger periods.
import { z } from 'zod';
import { analysisSchema, centsSchema, percentSchema } from './outcome';
import { probabilityWeightedSchema } from './probability';
import { partyRiskSchema } from './risk-stats';

export const scenarioRiskSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The drivers that move, with their volatility; none means every path is the scenario. */
  volatileDrivers: z.array(z.object({ driver: z.string(), volatilityPct: percentSchema })),
  parties: z.record(
    z.string(),
    partyRiskSchema.extend({
      /** The scenario as written, for comparison with the spread. */
      deterministicNet: centsSchema,
      deterministicNpv: centsSchema,
    }),
  ),
});

export const monteCarloResultSchema = z.object({
  paths: z.number().int(),
  seed: z.number().int(),
  scenarios: z.array(scenarioRiskSchema),
  /** Every scenario's paths together, each weighted by its scenario's probability; null when the
   * sheet has no probabilities or one scenario was asked for. */
  combined: z.object({ parties: z.record(z.string(), partyRiskSchema) }).nullable(),
  /** The scenarios as written, weighted by probability; null without probabilities. */
  probabilityWeighted: probabilityWeightedSchema.nullable(),
});

export const monteCarloAnalysisSchema = analysisSchema('monte-carlo', monteCarloResultSchema);

export type ScenarioRisk = z.infer<typeof scenarioRiskSchema>;
export type MonteCarloResult = z.infer<typeof monteCarloResultSchema>;
export type MonteCarloAnalysis = z.infer<typeof monteCarloAnalysisSchema>;
