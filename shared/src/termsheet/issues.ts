import { z } from 'zod';

/** Stable issue codes: scripts and user interfaces key on them, so codes are only ever added. */
export const issueCodes = [
  // structure
  'invalid-field',
  'missing-field',
  'unknown-clause-kind',
  'too-many-parties',
  'duplicate-id',
  'sheet-too-large',
  // references and rules of the format
  'unknown-party',
  'unknown-driver',
  'unknown-stream',
  'split-not-100',
  'tiers-unordered',
  'floor-above-cap',
  'duplicate-clause-kind',
  'series-length',
  'negative-amount',
  'negative-volume',
  'amount-too-large',
  'probability-missing',
  'probabilities-not-100',
  // warnings
  'floors-exceed-pool',
  'caps-exceed-pool',
  'no-value-sharing',
  'no-revenue',
  'no-contribution',
  'multiple-leads',
  'unknown-param-ref',
  // the analyses' own problems with what they were asked (options, or figures out of range)
  'unknown-scenario',
  'invalid-option',
  'volatility-out-of-range',
  // a defect of the engine itself, reported instead of thrown
  'internal-error',
] as const;

export type IssueCode = (typeof issueCodes)[number];

export const issueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(issueCodes),
  /** Dotted from the term sheet root, e.g. `clauses.2.params.fixed.csp`; '' is the whole sheet. */
  path: z.string(),
  message: z.string(),
  /** Set when the problem is inside a clause. */
  clauseId: z.string().optional(),
  /** Dotted path inside that clause's params, e.g. `fixed.csp`. */
  param: z.string().optional(),
});

export type Issue = z.infer<typeof issueSchema>;
export type IssueSeverity = Issue['severity'];

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
