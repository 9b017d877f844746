// Sign-offs: a party's approval of one clause, bound to hashes of the clause, the sheet's header
// and assumptions, and the whole value result; valid exactly while all of them still match, and
// agreement is every current party validly signing every clause of a sheet without errors.
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../protocol/limits';
import { auditHeadSchema } from './governance-audit';

export const signOffRequestSchema = z.object({ clauseId: z.string().min(1).max(MAX_ID_LENGTH) });

export const voidReasons = [
  'clause-changed',
  'value-changed',
  'clause-removed',
  'withdrawn',
  'header-changed',
  'assumptions-changed',
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
  /** `headerHash` of the sheet (title, currency, ecosystem, parties, lead); null on old records. */
  headerHash: z.string().nullable().default(null),
  /** `assumptionsHash` of the sheet (periods, rate, scenarios); null on old records. */
  assumptionsHash: z.string().nullable().default(null),
  signedAt: z.number(),
  /**
   * The receipt: the room's audit chain head right after this signature was recorded. A party
   * keeps it to show later that the record was not cut short or rewritten (null on old records).
   */
  auditHead: auditHeadSchema.nullable().default(null),
  voidedAt: z.number().nullable(),
  voidReason: voidReasonSchema.nullable(),
});

export const missingSignOffSchema = z.object({ clauseId: z.string(), partyId: z.string() });

export const agreementStatusSchema = z.object({
  agreed: z.boolean(),
  /** Every clause × party pair without a valid sign-off, in clause order then party order. */
  missing: z.array(missingSignOffSchema),
  /** Errors the value engine reports on the sheet: while there is one, nothing is agreed. */
  sheetErrors: z.number().int().nonnegative().default(0),
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

/** The hashes a sign-off is checked against: every clause, the header, assumptions, value. */
export interface LiveHashes {
  clauses: Readonly<Record<string, string>>;
  header: string;
  assumptions: string;
  value: string;
}

type Bound = Pick<
  SignOff,
  'clauseId' | 'contentHash' | 'valueHash' | 'headerHash' | 'assumptionsHash'
>;

/** Why a sign-off does not hold against the live hashes, or null when it does. */
export function signOffBreach(signOff: Bound, live: LiveHashes): VoidReason | null {
  const current = live.clauses[signOff.clauseId];
  if (current === undefined) return 'clause-removed';
  if (current !== signOff.contentHash) return 'clause-changed';
  if (signOff.headerHash !== null && signOff.headerHash !== live.header) return 'header-changed';
  if (signOff.assumptionsHash !== null && signOff.assumptionsHash !== live.assumptions) {
    return 'assumptions-changed';
  }
  if (live.value !== signOff.valueHash) return 'value-changed';
  return null;
}

/**
 * Whether every current party validly signed every clause of a sheet the engine finds no error
 * in, and which pairs are missing. Withdrawn sign-offs never count.
 */
export function agreementStatus(
  clauseIds: readonly string[],
  partyIds: readonly string[],
  signOffs: readonly (Bound & Pick<SignOff, 'partyId' | 'voidReason'>)[],
  live: LiveHashes,
  sheetErrors = 0,
): AgreementStatus {
  const missing: MissingSignOff[] = [];
  for (const clauseId of clauseIds) {
    for (const partyId of partyIds) {
      const valid = signOffs.some(
        (s) =>
          s.clauseId === clauseId &&
          s.partyId === partyId &&
          s.voidReason !== 'withdrawn' &&
          signOffBreach(s, live) === null,
      );
      if (!valid) missing.push({ clauseId, partyId });
    }
  }
  return {
    agreed:
      clauseIds.length > 0 && partyIds.length > 0 && missing.length === 0 && sheetErrors === 0,
    missing,
    sheetErrors,
  };
}
