// The separation result: what each party settles and earns when one party gives notice in a
// given period, per scenario, beside the figures without the exit.
import { z } from 'zod';
import { streamsOnExitValues } from '../termsheet/clause-params';
import { analysisSchema, centsSchema, percentSchema } from './outcome';

const totalsSchema = z.object({
  allocation: centsSchema,
  costs: centsSchema,
  net: centsSchema,
  npv: centsSchema,
});

export const separationPartySchema = z.object({
  continuing: z.boolean(),
  /** The whole term without the exit (the value engine's totals). */
  before: totalsSchema,
  /** The whole term with the exit: allocations and costs up to the exit, the continuing
   * parties' new ones after it, and the settlement (in net and NPV). */
  after: totalsSchema.extend({ settlement: centsSchema }),
  change: z.object({ net: centsSchema, npv: centsSchema }),
  /** The periods after the exit only: the continuing parties' new allocations. */
  afterExit: z.object({ allocation: centsSchema, costs: centsSchema, net: centsSchema }),
});

export const separationScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The leaver's last period (notice period + notice periods); it settles at its end. */
  lastPeriod: z.number().int(),
  /** The first period without the leaver; null when the notice runs to the end of the term,
   * and then nothing changes. */
  exitPeriod: z.number().int().nullable(),
  /** Whether one of the leaver's exit triggers had fired by the notice period. */
  triggerFired: z.boolean(),
  settlement: z.object({
    /** The leaver's upfront costs its cumulative net had not earned back by its last period. */
    unrecoveredUpfront: centsSchema,
    /** What the continuing parties pay the leaver for them. */
    reimbursement: centsSchema,
    /** What the leaver pays the continuing parties. */
    terminationFee: centsSchema,
    feeWaived: z.boolean(),
    /** Per party: received (+) or paid (−); they sum to exactly 0. */
    transfers: z.record(z.string(), centsSchema),
  }),
  streams: z.array(
    z.object({ id: z.string(), status: z.enum(['stops', 'continues', 'unaffected']) }),
  ),
  parties: z.record(z.string(), separationPartySchema),
  /** Every period with the exit (the settlement not included), the leaver at 0 after it. */
  periods: z.array(
    z.object({
      t: z.number().int(),
      pool: centsSchema,
      parties: z.record(
        z.string(),
        z.object({ allocation: centsSchema, costs: centsSchema, net: centsSchema }),
      ),
    }),
  ),
});

export const separationResultSchema = z.object({
  partyId: z.string(),
  /** The period in which the party gives notice. */
  noticePeriod: z.number().int(),
  /** The exit clause's terms as applied (defaults filled in). */
  terms: z.object({
    noticePeriods: z.number().int(),
    reimbursedPct: percentSchema,
    terminationFee: centsSchema,
    waivedOnTrigger: z.boolean(),
    streamsOnExit: z.enum(streamsOnExitValues),
  }),
  scenarios: z.array(separationScenarioSchema),
});

export const separationAnalysisSchema = analysisSchema('separation', separationResultSchema);

export type SeparationParty = z.infer<typeof separationPartySchema>;
export type SeparationScenario = z.infer<typeof separationScenarioSchema>;
export type SeparationResult = z.infer<typeof separationResultSchema>;
export type SeparationAnalysis = z.infer<typeof separationAnalysisSchema>;
