import type { Issue } from './issues';
import { hasErrors } from './issues';
import { checkParamRefs } from './param-refs';
import type { TermSheet } from './schema';
import { termSheetSchema } from './schema';
import { semanticIssues } from './semantic-rules';
import { sizeIssues } from './size-limits';
import { zodIssuesToIssues } from './zod-issues';

export interface ValidationResult {
  /** The parsed term sheet (defaults applied), or null when there is any error. */
  termsheet: TermSheet | null;
  issues: Issue[];
}

function internalError(error: unknown): Issue {
  return {
    severity: 'error',
    code: 'internal-error',
    path: '',
    message: `The term sheet could not be checked: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** Structure (zod) first, then every semantic rule of the format. Never throws. */
export function validateTermSheet(input: unknown): ValidationResult {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return {
        termsheet: null,
        issues: [
          {
            severity: 'error',
            code: 'invalid-field',
            path: '',
            message: `The term sheet must be a JSON object in the parley.termsheet/v1 format, not ${
              Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input
            }`,
          },
        ],
      };
    }
    const parsed = termSheetSchema.safeParse(input);
    if (!parsed.success) {
      return { termsheet: null, issues: zodIssuesToIssues(parsed.error.issues, input) };
    }
    // A sheet over the size limits is refused before the rules that would have to walk it.
    const size = sizeIssues(parsed.data);
    if (size.length > 0) return { termsheet: null, issues: size };
    const issues = [...semanticIssues(parsed.data), ...checkParamRefs(parsed.data)];
    return { termsheet: hasErrors(issues) ? null : parsed.data, issues };
  } catch (error) {
    return { termsheet: null, issues: [internalError(error)] };
  }
}
