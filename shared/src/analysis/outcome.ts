// The envelope every analysis returns, its zod schema, and the units its figures carry. Like the
// value result, an analysis never throws: problems come back as issues and then there is no
// result.
import { z } from 'zod';
import type { Issue, IssueCode } from '../termsheet/issues';
import { issueSchema } from '../termsheet/issues';
import type { Cents, Percent } from '../termsheet/units';

export const ANALYSIS_FORMAT_V1 = 'parley.analysis/v1';

export const analysisKinds = [
  'sensitivity',
  'break-even',
  'probability-weighted',
  'monte-carlo',
  'separation',
  'nash-settlement',
] as const;
export type AnalysisKind = (typeof analysisKinds)[number];

/** An integer amount in minor units of the sheet's currency. */
export const centsSchema = z.custom<Cents>((v) => Number.isSafeInteger(v), {
  message: 'must be a whole number of minor units',
});
/** A percentage (35 means 35 %). */
export const percentSchema = z.custom<Percent>((v) => typeof v === 'number' && Number.isFinite(v), {
  message: 'must be a finite number',
});

/** `{ format, kind, issues, result }`: `result` is null whenever an issue is an error. */
export function analysisSchema<K extends AnalysisKind, T extends z.ZodType>(kind: K, result: T) {
  return z.object({
    format: z.literal(ANALYSIS_FORMAT_V1),
    kind: z.literal(kind),
    issues: z.array(issueSchema),
    result: result.nullable(),
  });
}

export interface Analysis<K extends AnalysisKind, T> {
  format: typeof ANALYSIS_FORMAT_V1;
  kind: K;
  issues: Issue[];
  result: T | null;
}

export function succeeded<K extends AnalysisKind, T>(
  kind: K,
  issues: readonly Issue[],
  result: T,
): Analysis<K, T> {
  return { format: ANALYSIS_FORMAT_V1, kind, issues: [...issues], result };
}

export function failed<K extends AnalysisKind, T>(
  kind: K,
  issues: readonly Issue[],
): Analysis<K, T> {
  return { format: ANALYSIS_FORMAT_V1, kind, issues: [...issues], result: null };
}

/** A problem with what the analysis was asked rather than with the term sheet. */
export function optionIssue(code: IssueCode, message: string): Issue {
  return { severity: 'error', code, path: '', message };
}

export function cents(n: number): Cents {
  return n as Cents;
}

export function pct(n: number): Percent {
  return n as Percent;
}
