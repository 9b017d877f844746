// Schemas of "since your last visit": the baseline the server keeps when a member leaves, and the
// summary of comments, clause changes and value effects shown when they return.
import { z } from 'zod';
import { commentActorSchema } from './schemas';

/** Totals of one party in one scenario, as the value engine computed them. */
export const partyTotalsDigestSchema = z.object({
  allocation: z.number(),
  net: z.number(),
  npv: z.number(),
});

/**
 * What the server remembers of the room when a member leaves, to tell them later what changed:
 * each clause's title, a hash of its text and its params, and every party's totals per scenario.
 */
export const visitBaselineSchema = z.object({
  at: z.number(),
  clauses: z.record(
    z.string(),
    z.object({ title: z.string(), textHash: z.string(), params: z.unknown() }),
  ),
  /** scenario id → party id → totals; empty when the term sheet had errors. */
  totals: z.record(z.string(), z.record(z.string(), partyTotalsDigestSchema)),
});

export const visitCommentEntrySchema = z.object({
  threadId: z.string(),
  clauseId: z.string(),
  commentId: z.string(),
  author: commentActorSchema,
  excerpt: z.string(),
  createdAt: z.number(),
  /** false for the first comment of a thread opened since the visit. */
  isReply: z.boolean(),
});

export const clauseChangeSummarySchema = z.object({
  clauseId: z.string(),
  /** The clause's current title; null when it has been removed since. */
  title: z.string().nullable(),
  textChanged: z.boolean(),
  paramsChanged: z.boolean(),
  /** Dotted params paths whose value differs from the visit (added, removed or changed). */
  changedParams: z.array(z.string()),
  /**
   * The first of those changes with their values at the visit and now (`before` or `after`
   * absent where the value did not exist), so the summary can say "30 % → 45 %".
   */
  paramChanges: z.array(
    z.object({ path: z.string(), before: z.json().optional(), after: z.json().optional() }),
  ),
  removed: z.boolean(),
  added: z.boolean(),
  /** Who changed it, in the order of their first change; memberId null for system changes. */
  changedBy: z.array(z.object({ memberId: z.string().nullable(), name: z.string() })),
  lastChangedAt: z.number().nullable(),
});

export const partyEffectSchema = z.object({
  partyId: z.string(),
  before: partyTotalsDigestSchema.nullable(),
  after: partyTotalsDigestSchema.nullable(),
  /** after.net − before.net; null when either side is missing. */
  netDelta: z.number().nullable(),
  allocationDelta: z.number().nullable(),
});

export const scenarioEffectSchema = z.object({
  scenarioId: z.string(),
  parties: z.array(partyEffectSchema),
});

export const sinceLastVisitSchema = z.object({
  /** When the previous visit ended; null on a first visit (then every list is empty). */
  since: z.number().nullable(),
  newComments: z.array(visitCommentEntrySchema),
  mentions: z.array(visitCommentEntrySchema),
  clauseChanges: z.array(clauseChangeSummarySchema),
  /** Effect of the changes on each party's totals; empty when no party's totals moved. */
  valueEffect: z.array(scenarioEffectSchema),
});

export type PartyTotalsDigest = z.infer<typeof partyTotalsDigestSchema>;
export type VisitBaseline = z.infer<typeof visitBaselineSchema>;
export type VisitCommentEntry = z.infer<typeof visitCommentEntrySchema>;
export type VisitParamChange = ClauseChangeSummary['paramChanges'][number];
export type ClauseChangeSummary = z.infer<typeof clauseChangeSummarySchema>;
export type PartyEffect = z.infer<typeof partyEffectSchema>;
export type ScenarioEffect = z.infer<typeof scenarioEffectSchema>;
export type SinceLastVisit = z.infer<typeof sinceLastVisitSchema>;
