// The problems of a sheet that no write may add: broken structure, references to parties, streams
// or drivers that do not exist, duplicates. Problems a negotiation passes through (a split not yet
// at 100 %) stay allowed: the calculator shows them until someone fixes them.
import type { Issue } from '@parley/shared/termsheet';
import { validateTermSheet } from '@parley/shared/termsheet';
import { exportTermSheet } from '@parley/shared/room';
import type { ClauseExporter } from '@parley/shared/room';
import type * as Y from 'yjs';

const STRUCTURAL: ReadonlySet<string> = new Set([
  'invalid-field',
  'missing-field',
  'unknown-clause-kind',
  'too-many-parties',
  'duplicate-id',
  'sheet-too-large',
  'unknown-party',
  'unknown-driver',
  'unknown-stream',
  'duplicate-clause-kind',
  'amount-too-large',
  'internal-error',
]);

/** One problem, named so that moving a clause does not make it look new. */
function keyOf(issue: Issue): string {
  return issue.clauseId !== undefined
    ? `${issue.code} ${issue.clauseId} ${issue.param ?? ''}`
    : `${issue.code} ${issue.path}`;
}

export interface StructuralProblems {
  keys: Set<string>;
  issues: Issue[];
}

/** `clauseJson` may answer kept copies of clauses it knows unchanged (see exportTermSheet). */
export function structuralProblems(doc: Y.Doc, clauseJson?: ClauseExporter): StructuralProblems {
  const issues = validateTermSheet(exportTermSheet(doc, clauseJson)).issues.filter(
    (issue) => issue.severity === 'error' && STRUCTURAL.has(issue.code),
  );
  return { keys: new Set(issues.map(keyOf)), issues };
}

/** The problems of `after` that `before` did not have. */
export function newProblems(before: StructuralProblems, after: StructuralProblems): Issue[] {
  return after.issues.filter((issue) => !before.keys.has(keyOf(issue)));
}
