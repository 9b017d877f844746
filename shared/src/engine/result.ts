import { z } from 'zod';
import { issueSchema } from '../termsheet/issues';

export const VALUE_FORMAT_V1 = 'parley.value/v1';

/** Amounts are integers in minor units. */
export const partyPeriodResultSchema = z.object({
  /** C(i,t): upfront (t = 1), fixed and per-unit costs. */
  costs: z.number(),
  /** Paid back from the pool under cost recovery. */
  recovered: z.number(),
  /** s(i): share of the pool left after recovery, after floors and caps. */
  split: z.number(),
  /** Net KPI transfer, received (+) or paid (−). */
  kpi: z.number(),
  /** recovered + split + kpi. */
  allocation: z.number(),
  /** allocation − costs. */
  net: z.number(),
  /** Costs still to recover, carried to the next period. */
  unrecovered: z.number(),
});

export const periodResultSchema = z.object({
  t: z.number(),
  /** P: total stream revenue of the period. */
  pool: z.number(),
  /** P1: what is left of the pool after cost recovery. */
  shared: z.number(),
  parties: z.record(z.string(), partyPeriodResultSchema),
});

/** Percentages are rounded to 4 decimals, half away from zero. */
export const partyTotalsSchema = z.object({
  allocation: z.number(),
  costs: z.number(),
  net: z.number(),
  npv: z.number(),
  recovered: z.number(),
  split: z.number(),
  kpi: z.number(),
  allocationSharePct: z.number().nullable(),
  shapleySharePct: z.number().nullable(),
  contributionSharePct: z.number().nullable(),
  exitTriggerPeriod: z.number().nullable(),
  legacyNet: z.number().nullable(),
});

export const scenarioResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  periods: z.array(periodResultSchema),
  totals: z.record(z.string(), partyTotalsSchema),
});

export const valueResultSchema = z.object({
  format: z.literal(VALUE_FORMAT_V1),
  issues: z.array(issueSchema),
  scenarios: z.array(scenarioResultSchema),
});

export type PartyPeriodResult = z.infer<typeof partyPeriodResultSchema>;
export type PeriodResult = z.infer<typeof periodResultSchema>;
export type PartyTotals = z.infer<typeof partyTotalsSchema>;
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;
export type ValueResult = z.infer<typeof valueResultSchema>;
