// The sensitivity (tornado) result: for one scenario and party, each parameter and driver moved
// down and up by a step, with what that does to the party's net and NPV.
import { z } from 'zod';
import { issueSchema } from '../termsheet/issues';
import { analysisSchema, centsSchema, percentSchema } from './outcome';

export const paramUnits = ['amount', 'share', 'percent', 'count', 'number'] as const;

export const sensitivityTargetSchema = z.discriminatedUnion('kind', [
  /** A clause parameter, named as positions and proposals name it. */
  z.object({ kind: z.literal('param'), clauseId: z.string(), param: z.string() }),
  /** A driver of the scenario: a constant (`value`), the start or growth of a growing driver, or
   * a whole series scaled at once. */
  z.object({
    kind: z.literal('driver'),
    scenarioId: z.string(),
    driver: z.string(),
    field: z.enum(['value', 'start', 'growthPct', 'series']),
  }),
  z.object({ kind: z.literal('assumption'), field: z.literal('discountRatePct') }),
]);

/** One direction of a move. Figures are null when the moved value is not allowed by the format
 * or the moved sheet has errors; `issues` then says why. */
export const sensitivityMoveSchema = z.object({
  /** The moved value; null for a series, which is scaled as a whole. */
  value: z.number().nullable(),
  net: centsSchema.nullable(),
  npv: centsSchema.nullable(),
  netChange: centsSchema.nullable(),
  npvChange: centsSchema.nullable(),
  issues: z.array(issueSchema),
});

export const sensitivityEntrySchema = z.object({
  target: sensitivityTargetSchema,
  /** Dotted from the term sheet root, like issue paths. */
  path: z.string(),
  label: z.string(),
  unit: z.enum(paramUnits),
  /** The current value; null for a series. */
  base: z.number().nullable(),
  down: sensitivityMoveSchema,
  up: sensitivityMoveSchema,
  /** |change up − change down| (the bar's width), or the one available change's size. */
  netSwing: centsSchema,
  npvSwing: centsSchema,
});

export const sensitivitySkipReasons = ['zero', 'count', 'no-effect'] as const;

export const sensitivityResultSchema = z.object({
  scenarioId: z.string(),
  partyId: z.string(),
  stepPct: percentSchema,
  /** The party's net and NPV over the term before any move. */
  net: centsSchema,
  npv: centsSchema,
  /** Largest net swing first, then largest NPV swing, then document order. */
  entries: z.array(sensitivityEntrySchema),
  /** Numeric parameters left out: 0 (nothing to move), whole counts of periods, or parameters
   * that cannot change a net or NPV (unused by the split method, exit and legacy terms). */
  skipped: z.array(
    z.object({ path: z.string(), label: z.string(), reason: z.enum(sensitivitySkipReasons) }),
  ),
});

export const sensitivityAnalysisSchema = analysisSchema('sensitivity', sensitivityResultSchema);

export type SensitivityTarget = z.infer<typeof sensitivityTargetSchema>;
export type SensitivityMove = z.infer<typeof sensitivityMoveSchema>;
export type SensitivityEntry = z.infer<typeof sensitivityEntrySchema>;
export type SensitivityResult = z.infer<typeof sensitivityResultSchema>;
export type SensitivityAnalysis = z.infer<typeof sensitivityAnalysisSchema>;
