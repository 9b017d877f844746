// Sign-offs: a party's approval of one clause, bound to hashes of the clause and of the whole value
// result and void once either changes; agreement is every party signing every clause.
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../protocol/limits';

export const signOffRequestSchema = z.object({ clauseId: z.string().min(1).max(MAX_ID_LENGTH) });

export const voidReasons = [
  'clause-changed',
  'value-changed',
  'clause-removed',
  'withdrawn',
] as const;

export const voidReasonSchema = z.enum(voidReasons);

/** A party's sign-off of one clause, bound to the clause's content and the whole value result. */
export const signOffSchema = z.object({
  id: z.string(),
  roomId: z.string(),
  clauseId: z.string(),
  partyId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** `clauseContentHash` of the clause (kind, title, text, params) when it was signed. */
  contentHash: z.string(),
  /** `valueResultHash` of computeValue on the whole sheet when it was signed. */
  valueHash: z.string(),
  signedAt: z.number(),
  voidedAt: z.number().nullable(),
  voidReason: voidReasonSchema.nullable(),
});

export const missingSignOffSchema = z.object({ clauseId: z.string(), partyId: z.string() });

export const agreementStatusSchema = z.object({
  agreed: z.boolean(),
  /** Every clause × party pair without a valid sign-off, in clause order then party order. */
  missing: z.array(missingSignOffSchema),
});

export const signOffStateSchema = z.object({
  /** Valid sign-offs and the most recent voided one per clause and party. */
  signOffs: z.array(signOffSchema),
  agreement: agreementStatusSchema,
});

export const signOffVoidedEventSchema = z.object({
  signOff: signOffSchema,
  reason: voidReasonSchema,
});

export type SignOffRequest = z.infer<typeof signOffRequestSchema>;
export type VoidReason = z.infer<typeof voidReasonSchema>;
export type SignOff = z.infer<typeof signOffSchema>;
export type MissingSignOff = z.infer<typeof missingSignOffSchema>;
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;
export type SignOffState = z.infer<typeof signOffStateSchema>;
export type SignOffVoidedEvent = z.infer<typeof signOffVoidedEventSchema>;

/** The hashes a sign-off is checked against: every clause's content, and the value result. */
export interface LiveHashes {
  clauses: Readonly<Record<string, string>>;
  value: string;
}

/** Why a still-valid sign-off no longer holds against the live hashes, or null when it does. */
export function signOffBreach(
  signOff: Pick<SignOff, 'clauseId' | 'contentHash' | 'valueHash'>,
  live: LiveHashes,
): VoidReason | null {
  const current = live.clauses[signOff.clauseId];
  if (current === undefined) return 'clause-removed';
  if (current !== signOff.contentHash) return 'clause-changed';
  if (live.value !== signOff.valueHash) return 'value-changed';
  return null;
}

/** Whether every party has a valid sign-off on every clause, and which pairs are missing. */
export function agreementStatus(
  clauseIds: readonly string[],
  partyIds: readonly string[],
  signOffs: readonly Pick<SignOff, 'clauseId' | 'partyId' | 'contentHash' | 'valueHash'>[],
  live: LiveHashes,
): AgreementStatus {
  const missing: MissingSignOff[] = [];
  for (const clauseId of clauseIds) {
    for (const partyId of partyIds) {
      const valid = signOffs.some(
        (s) => s.clauseId === clauseId && s.partyId === partyId && signOffBreach(s, live) === null,
      );
      if (!valid) missing.push({ clauseId, partyId });
    }
  }
  return { agreed: clauseIds.length > 0 && partyIds.length > 0 && missing.length === 0, missing };
}
