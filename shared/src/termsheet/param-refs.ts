import type { Issue } from './issues';
import type { TermSheet } from './schema';

const PARAM_REF = /\{\{\s*param:([^{}\s]+)\s*\}\}/g;

/** The parameter paths a clause text mentions as `{{param:PATH}}`, in order, without repeats. */
export function findParamRefs(text: string): string[] {
  if (typeof text !== 'string') return [];
  const seen = new Set<string>();
  for (const m of text.matchAll(PARAM_REF)) {
    if (m[1] !== undefined) seen.add(m[1]);
  }
  return [...seen];
}

/**
 * The value at a dotted path inside clause params (`streams.0.unitPrice`, `fixed.csp`), or
 * undefined when any step is missing. Only own properties are followed.
 */
export function resolveParamPath(params: unknown, path: string): unknown {
  if (typeof path !== 'string' || path === '') return undefined;
  let current: unknown = params;
  for (const step of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(step)) return undefined;
      current = current[Number(step)];
    } else if (typeof current === 'object' && current !== null) {
      if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** Warnings for every `{{param:PATH}}` in a clause text that its own params do not define. */
export function checkParamRefs(termsheet: TermSheet): Issue[] {
  const issues: Issue[] = [];
  termsheet.clauses.forEach((clause, index) => {
    for (const ref of findParamRefs(clause.text)) {
      if (resolveParamPath(clause.params, ref) === undefined) {
        issues.push({
          severity: 'warning',
          code: 'unknown-param-ref',
          path: `clauses.${index}.text`,
          message: `Clause "${clause.title || clause.id}" mentions {{param:${ref}}}, but its parameters have no "${ref}".`,
          clauseId: clause.id,
          param: ref,
        });
      }
    }
  });
  return issues;
}
