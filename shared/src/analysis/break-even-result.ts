// The break-even result: per scenario and party, the scale of the volume drivers at which the
// party's total net over the term changes sign.
import { z } from 'zod';
import { analysisSchema, centsSchema } from './outcome';

/** Where the net changes sign between two adjacent scales found by bisection. */
export const breakEvenCrossingSchema = z.object({
  /** The scale (a multiple of the scenario's volumes) at which the net is ≥ 0. */
  scale: z.number(),
  /** The net there: 0 or a few cents above. */
  net: centsSchema,
  /** The nearest scale on the other side, where the net is < 0. */
  otherScale: z.number(),
  otherNet: centsSchema,
  /** rising: the net turns non-negative as volume grows; falling: it turns negative. */
  direction: z.enum(['rising', 'falling']),
});

export const driverBreakEvenSchema = z.object({
  /** The volume driver scaled, or null when every volume driver is scaled together. */
  driver: z.string().nullable(),
  /** crosses: the net changes sign on the searched range; always: it is ≥ 0 at every scale
   * searched; never: it is < 0 at every scale searched. */
  status: z.enum(['crosses', 'always', 'never']),
  /** Every sign change found, by increasing scale. */
  crossings: z.array(breakEvenCrossingSchema),
  /** The largest scale searched: 1024, or less where larger volumes leave the supported range. */
  searchedUpTo: z.number(),
});

export const partyBreakEvenSchema = z.object({
  partyId: z.string(),
  /** The net over the term at the scenario's own volumes (scale 1). */
  net: centsSchema,
  drivers: z.array(driverBreakEvenSchema),
});

export const breakEvenResultSchema = z.object({
  scenarios: z.array(
    z.object({ id: z.string(), name: z.string(), parties: z.array(partyBreakEvenSchema) }),
  ),
});

export const breakEvenAnalysisSchema = analysisSchema('break-even', breakEvenResultSchema);

export type BreakEvenCrossing = z.infer<typeof breakEvenCrossingSchema>;
export type DriverBreakEven = z.infer<typeof driverBreakEvenSchema>;
export type PartyBreakEven = z.infer<typeof partyBreakEvenSchema>;
export type BreakEvenResult = z.infer<typeof breakEvenResultSchema>;
export type BreakEvenAnalysis = z.infer<typeof breakEvenAnalysisSchema>;
