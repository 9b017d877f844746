// Every problem of a term sheet file in one pass, for a person fixing it by hand: the structure's
// and, as far as the rest of the file allows, the format's rules too, instead of one round each.
import type { Issue } from './issues';
import { checkParamRefs } from './param-refs';
import { termSheetSchema } from './schema';
import { semanticIssues } from './semantic-rules';
import { validateTermSheet } from './validate';
import type { ValidationResult } from './validate';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The clause index a path such as `clauses.3.params.fixed` points into, if any. */
function clauseIndexOf(path: string): number | null {
  const match = /^clauses\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}

/**
 * Like `validateTermSheet`, but when the structure has errors it also checks the format's rules
 * on the rest: each clause the structure refused is set aside (its place kept by an empty custom
 * clause, so paths still point at the right index), and if the sheet then parses, the rules'
 * issues outside the set-aside clauses are added. Nothing it returns is a term sheet to use.
 */
export function checkTermSheetFully(input: unknown): ValidationResult {
  const first = validateTermSheet(input);
  if (first.termsheet !== null || !isRecord(input) || !Array.isArray(input.clauses)) return first;
  const refused = new Set<number>();
  for (const issue of first.issues) {
    const index = clauseIndexOf(issue.path);
    if (index !== null) refused.add(index);
    else if (issue.severity === 'error' && issue.path !== '' && !issue.path.startsWith('clauses'))
      // Parties, assumptions or the sheet itself are wrong: the rules have nothing to stand on.
      return first;
  }
  if (refused.size === 0) return first;
  const salvaged = {
    ...input,
    clauses: input.clauses.map((clause, index) =>
      refused.has(index)
        ? { id: `set-aside-${index}`, kind: 'custom', title: '', text: '', params: {} }
        : clause,
    ),
  };
  try {
    const parsed = termSheetSchema.safeParse(salvaged);
    if (!parsed.success) return first;
    const more = [...semanticIssues(parsed.data), ...checkParamRefs(parsed.data)].filter(
      (issue: Issue) => {
        const index = clauseIndexOf(issue.path);
        // Issues about the clauses as a whole (a revenue clause missing...) may only say that a
        // clause was set aside; they are told once the structure is fixed.
        if (issue.path === 'clauses') return false;
        return (index === null || !refused.has(index)) && !issue.clauseId?.startsWith('set-aside-');
      },
    );
    return { termsheet: null, issues: [...first.issues, ...more] };
  } catch {
    return first;
  }
}
