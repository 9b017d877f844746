// The fair-settlement result for the mediator: suggested parameter values inside every shared
// bound, each party's NPV there against the legacy deal, ready-made proposal changes, or which
// bounds conflict.
import { z } from 'zod';
import { analysisSchema, centsSchema } from './outcome';

const boundRefSchema = z.object({ partyId: z.string(), value: z.number() }).nullable();

export const nashParameterSchema = z.object({
  clauseId: z.string(),
  param: z.string(),
  label: z.string(),
  current: z.number(),
  /** The suggested value, inside [searchedFrom, searchedTo]. */
  value: z.number(),
  highestMin: boundRefSchema,
  lowestMax: boundRefSchema,
  searchedFrom: z.number(),
  searchedTo: z.number(),
});

export const nashPartySchema = z.object({
  /** NPV on the sheet as it stands. */
  currentNpv: centsSchema,
  /** The disagreement point: NPV under the legacy deal (0 without a legacy clause, or with
   * the no-deal disagreement point). */
  legacyNpv: centsSchema,
  /** NPV at the suggested values. */
  npv: centsSchema,
  /** npv − legacyNpv. */
  gain: centsSchema,
});

export const nashConflictSchema = z.object({
  clauseId: z.string(),
  param: z.string(),
  label: z.string(),
  highestMin: boundRefSchema,
  lowestMax: boundRefSchema,
  allowed: z.object({ min: z.number(), max: z.number() }),
});

export const nashSplitConflictSchema = z.object({
  clauseId: z.string(),
  split: z.string(),
  shares: z.array(
    z.object({ param: z.string(), highestMin: boundRefSchema, lowestMax: boundRefSchema }),
  ),
});

/** One clause's changes, in the shape of a proposal's `{ clauseId, params }`. */
export const nashProposalSchema = z.object({
  clauseId: z.string(),
  params: z.array(z.object({ path: z.string(), value: z.number() })),
});

export const nashBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scenario'), scenarioId: z.string() }),
  /** NPVs averaged over the scenarios by their probabilities. */
  z.object({ kind: z.literal('probability-weighted') }),
  /** NPVs averaged over the scenarios, each counting the same (no probabilities given). */
  z.object({ kind: z.literal('equal-weights') }),
]);

export const nashResultSchema = z.object({
  /**
   * found: every party gains over the legacy deal at the suggested values; no-gain: the best
   * point found leaves some party without a gain (the suggestion then maximises the smallest
   * gain); conflict: shared bounds exclude each other, nothing is suggested; nothing-to-search:
   * no shared bound names a parameter the search can move.
   */
  status: z.enum(['found', 'no-gain', 'conflict', 'nothing-to-search']),
  basis: nashBasisSchema,
  /** legacy: gains are over each party's NPV under the legacy deal (0 without a legacy clause);
   * no-deal: over nothing, NPV 0. Either is taken on the sheet as it stands. */
  disagreement: z.enum(['legacy', 'no-deal']),
  parameters: z.array(nashParameterSchema),
  /** Every parameter that moves, shares absorbing a move included. */
  changes: z.array(
    z.object({ clauseId: z.string(), param: z.string(), from: z.number(), to: z.number() }),
  ),
  proposals: z.array(nashProposalSchema),
  parties: z.record(z.string(), nashPartySchema),
  conflicts: z.array(nashConflictSchema),
  splitConflicts: z.array(nashSplitConflictSchema),
  /** Bounds the search could not use: an unknown party, a parameter the sheet does not have (or
   * that is not a number), or a legacy parameter, which is the comparison and not a term. */
  ignored: z.array(
    z.object({
      clauseId: z.string(),
      param: z.string(),
      reason: z.enum(['unknown-party', 'unknown-param', 'legacy-baseline']),
    }),
  ),
  evaluations: z.number().int(),
  /** False when the evaluation budget ran out before the steps reached the resolution. */
  converged: z.boolean(),
});

export const nashAnalysisSchema = analysisSchema('nash-settlement', nashResultSchema);

export type NashParameter = z.infer<typeof nashParameterSchema>;
export type NashParty = z.infer<typeof nashPartySchema>;
export type NashProposal = z.infer<typeof nashProposalSchema>;
export type NashBasis = z.infer<typeof nashBasisSchema>;
export type NashResult = z.infer<typeof nashResultSchema>;
export type NashAnalysis = z.infer<typeof nashAnalysisSchema>;
