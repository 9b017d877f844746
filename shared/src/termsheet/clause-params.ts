import { z } from 'zod';
import {
  MAX_LIST_ITEMS,
  amountSchema,
  idSchema,
  nameSchema,
  nonNegativeNumberSchema,
  partyAmountsSchema,
  plainNumberSchema,
  ratePercentSchema,
  sharePercentSchema,
  splitSchema,
  weightPercentSchema,
} from './primitives';

// Text-only kinds: their params are shown beside the text and may be referenced from it, but never
// feed the calculator, so any extra field is kept as written.
export const partiesParamsSchema = z.looseObject({});
export const scopeParamsSchema = z.looseObject({
  territory: z.string().max(200).optional(),
  services: z.array(z.string().max(200)).max(MAX_LIST_ITEMS).optional(),
});
export const termParamsSchema = z.looseObject({
  durationMonths: z.number().int().min(1).max(1200).optional(),
  renewalMonths: z.number().int().min(0).max(1200).optional(),
});
export const dataIpParamsSchema = z.looseObject({
  dataController: z.string().max(200).optional(),
  licenceMonthsAfterExit: z.number().int().min(0).max(1200).optional(),
});
export const confidentialityParamsSchema = z.looseObject({
  years: z.number().int().min(0).max(100).optional(),
});
export const disputeResolutionParamsSchema = z.looseObject({
  escalationDays: z.number().int().min(0).max(3650).optional(),
  mediationDays: z.number().int().min(0).max(3650).optional(),
  seat: z.string().max(200).optional(),
});
/** When invoices are paid, in which currency, and the interest on late payment. */
export const paymentTermsParamsSchema = z.looseObject({
  daysToPay: z.number().int().min(0).max(365).optional(),
  invoiceCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'must be a 3-letter ISO 4217 code' })
    .optional(),
  lateInterestPct: ratePercentSchema.optional(),
});
export const customParamsSchema = z.record(z.string(), z.unknown());

export const streamSchema = z.object({
  id: idSchema,
  name: nameSchema,
  driver: idSchema,
  unitPrice: amountSchema,
  /** The parties without which the stream does not exist; empty or absent = all parties. */
  requires: z.array(idSchema).max(16).optional(),
});
export const revenueParamsSchema = z.object({
  streams: z.array(streamSchema).max(MAX_LIST_ITEMS),
});

export const costLineSchema = z.object({
  party: idSchema,
  name: nameSchema,
  upfront: amountSchema.optional(),
  fixedPerPeriod: amountSchema.optional(),
  perUnit: z.object({ stream: idSchema, amount: amountSchema }).optional(),
});
export const costsParamsSchema = z.object({
  costs: z.array(costLineSchema).max(MAX_LIST_ITEMS),
});

export const splitMethods = ['fixed', 'contribution', 'tiered', 'shapley'] as const;
export const tierSchema = z.object({
  upTo: amountSchema.nullable(),
  split: splitSchema,
});
export const contributionDimensionSchema = z.object({
  id: idSchema,
  name: nameSchema,
  weightPct: weightPercentSchema,
  amounts: z.record(idSchema, nonNegativeNumberSchema),
});
export const valueSharingParamsSchema = z.object({
  costRecovery: z.boolean().default(false),
  method: z.enum(splitMethods),
  fixed: splitSchema.optional(),
  tiers: z.array(tierSchema).min(1).max(MAX_LIST_ITEMS).optional(),
  contribution: z
    .object({ dimensions: z.array(contributionDimensionSchema).max(MAX_LIST_ITEMS) })
    .optional(),
});

export const minimumGuaranteeParamsSchema = z.object({ floors: partyAmountsSchema });
export const capParamsSchema = z.object({ caps: partyAmountsSchema });

export const kpiSchema = z.object({
  id: idSchema,
  name: nameSchema,
  unit: z.string().max(50).default(''),
  driver: idSchema,
  target: plainNumberSchema,
  betterWhen: z.enum(['higher', 'lower']),
  ratePerUnit: amountSchema,
  capPerPeriod: amountSchema.optional(),
  funder: idSchema,
  beneficiaries: splitSchema,
});
export const outcomesParamsSchema = z.object({ kpis: z.array(kpiSchema).max(MAX_LIST_ITEMS) });

export const exitTriggerSchema = z.object({
  party: idSchema,
  netBelow: amountSchema,
  forPeriods: z.number().int().min(1).max(600),
});
/** What happens to a stream that requires the leaving party, from its exit on. */
export const streamsOnExitValues = ['stop', 'continue'] as const;
/**
 * The separation terms: what the parties settle when one of them leaves. Splits name who pays or
 * receives; absent, the continuing parties share equally.
 */
export const exitSettlementSchema = z.object({
  /** The part of the leaver's unrecovered upfront costs the continuing parties pay back to it. */
  reimbursement: z
    .object({ sharePct: sharePercentSchema, split: splitSchema.optional() })
    .optional(),
  /** What the leaver pays the continuing parties for leaving. */
  terminationFee: z
    .object({
      amount: amountSchema,
      split: splitSchema.optional(),
      /** No fee when one of the leaver's exit triggers has fired by the time it gives notice. */
      waivedOnTrigger: z.boolean().default(false),
    })
    .optional(),
  streamsOnExit: z.enum(streamsOnExitValues).default('stop'),
});
export const exitParamsSchema = z.object({
  noticePeriods: z.number().int().min(0).max(600),
  triggers: z.array(exitTriggerSchema).max(MAX_LIST_ITEMS),
  settlement: exitSettlementSchema.optional(),
});

export const legacyLineSchema = z.object({
  party: idSchema,
  fte: nonNegativeNumberSchema,
  ratePerFte: amountSchema,
  slaCreditPct: sharePercentSchema,
  expectedBreaches: nonNegativeNumberSchema,
});
export const legacyParamsSchema = z.object({
  lines: z.array(legacyLineSchema).max(MAX_LIST_ITEMS),
});

export type RevenueParams = z.infer<typeof revenueParamsSchema>;
export type Stream = z.infer<typeof streamSchema>;
export type CostsParams = z.infer<typeof costsParamsSchema>;
export type CostLine = z.infer<typeof costLineSchema>;
export type SplitMethod = (typeof splitMethods)[number];
export type ValueSharingParams = z.infer<typeof valueSharingParamsSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type ContributionDimension = z.infer<typeof contributionDimensionSchema>;
export type MinimumGuaranteeParams = z.infer<typeof minimumGuaranteeParamsSchema>;
export type CapParams = z.infer<typeof capParamsSchema>;
export type OutcomesParams = z.infer<typeof outcomesParamsSchema>;
export type Kpi = z.infer<typeof kpiSchema>;
export type ExitParams = z.infer<typeof exitParamsSchema>;
export type ExitTrigger = z.infer<typeof exitTriggerSchema>;
export type ExitSettlement = z.infer<typeof exitSettlementSchema>;
export type StreamsOnExit = (typeof streamsOnExitValues)[number];
export type LegacyParams = z.infer<typeof legacyParamsSchema>;
export type LegacyLine = z.infer<typeof legacyLineSchema>;
