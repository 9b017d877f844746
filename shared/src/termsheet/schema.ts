import { z } from 'zod';
import {
  capParamsSchema,
  confidentialityParamsSchema,
  costsParamsSchema,
  customParamsSchema,
  dataIpParamsSchema,
  disputeResolutionParamsSchema,
  paymentTermsParamsSchema,
  exitParamsSchema,
  legacyParamsSchema,
  minimumGuaranteeParamsSchema,
  outcomesParamsSchema,
  partiesParamsSchema,
  revenueParamsSchema,
  scopeParamsSchema,
  termParamsSchema,
  valueSharingParamsSchema,
} from './clause-params';
import {
  MAX_CLAUSES,
  MAX_CLAUSE_TITLE_LENGTH,
  MAX_PARTIES,
  MAX_PERIODS,
  MAX_SCENARIOS,
  growthPercentSchema,
  idSchema,
  nameSchema,
  plainNumberSchema,
  ratePercentSchema,
  sharePercentSchema,
  volatilityPercentSchema,
} from './primitives';

export const TERMSHEET_FORMAT_V1 = 'parley.termsheet/v1';

export const textOnlyKinds = [
  'parties',
  'scope',
  'term',
  'data-ip',
  'confidentiality',
  'dispute-resolution',
  'payment-terms',
  'custom',
] as const;
export const calculatorKinds = [
  'revenue',
  'costs',
  'value-sharing',
  'minimum-guarantee',
  'cap',
  'outcomes',
  'exit',
  'legacy',
] as const;
export const clauseKindIds = [...textOnlyKinds, ...calculatorKinds] as const;
export type ClauseKind = (typeof clauseKindIds)[number];
export type CalculatorKind = (typeof calculatorKinds)[number];

export const ecosystems = ['mhealth', 'telematics', 'smart-city', 'custom'] as const;
export const periodUnits = ['month', 'quarter', 'year'] as const;

export const partySchema = z.object({
  id: idSchema,
  name: nameSchema,
  role: z.string().max(100).default(''),
  lead: z.boolean().optional(),
});

// A constant driver is a bare number and so carries no volatility: `{ start, growthPct: 0,
// volatilityPct }` is the same constant made uncertain.
export const driverValueSchema = z.union(
  [
    plainNumberSchema,
    z.object({
      start: plainNumberSchema,
      growthPct: growthPercentSchema,
      volatilityPct: volatilityPercentSchema.optional(),
    }),
    z.object({
      series: z.array(plainNumberSchema).max(MAX_PERIODS),
      volatilityPct: volatilityPercentSchema.optional(),
    }),
  ],
  { error: 'must be a number, { start, growthPct } or { series: [numbers] }' },
);

export const scenarioSchema = z.object({
  id: idSchema,
  name: nameSchema,
  /** How likely the scenario is; when any scenario has one, all do and they sum to 100. */
  probabilityPct: sharePercentSchema.optional(),
  drivers: z.record(idSchema, driverValueSchema),
});

export const assumptionsSchema = z.object({
  periods: z.number().int().min(1).max(MAX_PERIODS),
  periodUnit: z.enum(periodUnits),
  discountRatePct: ratePercentSchema,
  scenarios: z.array(scenarioSchema).min(1).max(MAX_SCENARIOS),
});

function clauseOf<K extends ClauseKind, P extends z.ZodType>(kind: K, params: P) {
  return z.object({
    id: idSchema,
    kind: z.literal(kind),
    title: z.string().max(MAX_CLAUSE_TITLE_LENGTH).default(''),
    text: z.string().max(200_000).default(''),
    params,
  });
}

export const clauseSchema = z.discriminatedUnion('kind', [
  clauseOf('parties', partiesParamsSchema.default({})),
  clauseOf('scope', scopeParamsSchema.default({})),
  clauseOf('term', termParamsSchema.default({})),
  clauseOf('data-ip', dataIpParamsSchema.default({})),
  clauseOf('confidentiality', confidentialityParamsSchema.default({})),
  clauseOf('dispute-resolution', disputeResolutionParamsSchema.default({})),
  clauseOf('payment-terms', paymentTermsParamsSchema.default({})),
  clauseOf('custom', customParamsSchema.default({})),
  clauseOf('revenue', revenueParamsSchema),
  clauseOf('costs', costsParamsSchema),
  clauseOf('value-sharing', valueSharingParamsSchema),
  clauseOf('minimum-guarantee', minimumGuaranteeParamsSchema),
  clauseOf('cap', capParamsSchema),
  clauseOf('outcomes', outcomesParamsSchema),
  clauseOf('exit', exitParamsSchema),
  clauseOf('legacy', legacyParamsSchema),
]);

export const termSheetSchema = z.object({
  format: z.literal(TERMSHEET_FORMAT_V1),
  title: z.string().max(MAX_CLAUSE_TITLE_LENGTH),
  ecosystem: z.enum(ecosystems),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a 3-letter ISO 4217 code' }),
  parties: z
    .array(partySchema)
    .min(1)
    .max(MAX_PARTIES, { message: `must list at most ${MAX_PARTIES} parties` }),
  assumptions: assumptionsSchema,
  clauses: z.array(clauseSchema).max(MAX_CLAUSES),
});

export type TermSheet = z.infer<typeof termSheetSchema>;
export type Party = z.infer<typeof partySchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type ClauseOfKind<K extends ClauseKind> = Extract<Clause, { kind: K }>;
export type Assumptions = z.infer<typeof assumptionsSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type DriverValue = z.infer<typeof driverValueSchema>;
export type Ecosystem = (typeof ecosystems)[number];
export type PeriodUnit = (typeof periodUnits)[number];

export function isTermSheetFormat(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    (input as { format?: unknown }).format === TERMSHEET_FORMAT_V1
  );
}

export function isCalculatorKind(kind: string): kind is CalculatorKind {
  return (calculatorKinds as readonly string[]).includes(kind);
}
