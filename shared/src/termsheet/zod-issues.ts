import type { z } from 'zod';
import type { Issue, IssueCode } from './issues';
import { clauseKindIds } from './schema';

type Segment = PropertyKey;
type ZodIssue = z.core.$ZodIssue;

function ownValue(container: unknown, key: Segment): { present: boolean; value: unknown } {
  if (typeof key === 'symbol') return { present: false, value: undefined };
  if (Array.isArray(container)) {
    const i = typeof key === 'number' ? key : Number(key);
    return Number.isInteger(i) && i >= 0 && i < container.length
      ? { present: true, value: container[i] }
      : { present: false, value: undefined };
  }
  if (typeof container === 'object' && container !== null) {
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(container, k)
      ? { present: true, value: (container as Record<string, unknown>)[k] }
      : { present: false, value: undefined };
  }
  return { present: false, value: undefined };
}

/** Whether the raw input has a value (even null) at this path. */
function isPresent(root: unknown, path: readonly Segment[]): boolean {
  let current = root;
  for (const key of path) {
    const step = ownValue(current, key);
    if (!step.present) return false;
    current = step.value;
  }
  return current !== undefined;
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let current = root;
  for (const key of path) current = ownValue(current, key).value;
  return current;
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  null: 'null',
};

/** A short rendering of any input value for a message; never throws. */
function preview(value: unknown): string {
  try {
    if (typeof value === 'bigint') return `${value.toString()}n`;
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}

function describeValues(values: readonly unknown[]): string {
  return values.map(preview).join(', ');
}

function describe(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${min} item(s)`;
      if (issue.origin === 'string') return `must have at least ${min} character(s)`;
      return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${max} item(s)`;
      if (issue.origin === 'string') return `must have at most ${max} character(s)`;
      return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${describeValues(issue.values)}`
        : `must be one of ${describeValues(issue.values)}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `has an invalid format` : issue.message;
    case 'invalid_key':
      return 'is not a valid key: ids are 1-64 letters, digits, "_", "-" or ":"';
    case 'unrecognized_keys':
      return `has unknown field(s) ${describeValues(issue.keys)}`;
    default:
      return issue.message;
  }
}

/**
 * A union failed: when one branch got further into the value than the others, its first problem
 * is the one worth showing (e.g. a non-number inside `series`).
 */
function deepestUnionBranch(issue: ZodIssue): ZodIssue | null {
  if (issue.code !== 'invalid_union') return null;
  let best: ZodIssue | null = null;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first && first.path.length > 0 && (!best || first.path.length > best.path.length)) {
      best = first;
    }
  }
  return best ? { ...best, path: [...issue.path, ...best.path] } : null;
}

function clauseContext(
  root: unknown,
  path: readonly Segment[],
): { clauseId?: string; param?: string } {
  if (path[0] !== 'clauses' || path.length < 2) return {};
  const id = valueAt(root, [path[0], path[1] as Segment, 'id']);
  const ctx: { clauseId?: string; param?: string } = {};
  if (typeof id === 'string') ctx.clauseId = id;
  if (path[2] === 'params' && path.length > 3) ctx.param = path.slice(3).map(String).join('.');
  return ctx;
}

const CLAUSE_KIND_PATH = /^clauses\.\d+\.kind$/;

/** Turns zod's structural problems into stable, field-naming issues. */
export function zodIssuesToIssues(zodIssues: readonly ZodIssue[], root: unknown): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const original of zodIssues) {
    const issue = deepestUnionBranch(original) ?? original;
    const path = issue.path;
    const dotted = path.map(String).join('.');
    const label = dotted === '' ? 'The term sheet' : dotted;
    let code: IssueCode = 'invalid-field';
    let message: string;
    if (!isPresent(root, path) && path.length > 0) {
      code = 'missing-field';
      message = `${label} is missing`;
    } else if (dotted === 'parties' && issue.code === 'too_big') {
      code = 'too-many-parties';
      message = `parties lists ${String(
        (valueAt(root, path) as unknown[]).length,
      )} parties; a term sheet has at most ${String(issue.maximum)}`;
    } else if (CLAUSE_KIND_PATH.test(dotted) && issue.code === 'invalid_union') {
      code = 'unknown-clause-kind';
      message = `${label} ${preview(valueAt(root, path))} is not a clause kind; expected one of ${describeValues(clauseKindIds)}`;
    } else {
      message = `${label} ${describe(issue)}`;
    }
    const key = `${code}|${dotted}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ severity: 'error', code, path: dotted, message, ...clauseContext(root, path) });
  }
  return out;
}
