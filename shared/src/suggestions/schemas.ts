// What clients send to decide on suggestions, over Socket.IO and REST alike.
import { z } from 'zod';

const MAX_ID = 200;

export const suggestionDecisions = ['accept', 'reject'] as const;
export const suggestionDecisionSchema = z.enum(suggestionDecisions);
export type SuggestionDecision = z.infer<typeof suggestionDecisionSchema>;

/**
 * Accept or reject one suggestion (`key`), or every suggestion of one party in the clause
 * (`partyId`; null for the mediator's). Exactly one of the two.
 */
export const decideSuggestionRequestSchema = z
  .object({
    clauseId: z.string().min(1).max(MAX_ID),
    key: z
      .string()
      .min(1)
      .max(2 * MAX_ID + 1)
      .optional(),
    partyId: z.string().max(MAX_ID).nullable().optional(),
    decision: suggestionDecisionSchema,
  })
  .refine((r) => (r.key === undefined) !== (r.partyId === undefined), {
    message: 'name either one suggestion (key) or a party (partyId), not both',
  });
export type DecideSuggestionRequest = z.infer<typeof decideSuggestionRequestSchema>;

export const decideSuggestionResultSchema = z.object({
  clauseId: z.string(),
  decision: suggestionDecisionSchema,
  /** The suggestions decided, by key. */
  keys: z.array(z.string()),
});
export type DecideSuggestionResult = z.infer<typeof decideSuggestionResultSchema>;
