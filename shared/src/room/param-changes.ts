// Parameter values that differ between two versions of a clause's params, with both values: what
// "changed by whom, was what" and "since your last visit" tell a person, leaf by leaf.
import type { JsonValue } from './json-y';

/** One leaf that differs; `before` or `after` is absent where the value did not exist. */
export interface ParamValueChange {
  path: string;
  before?: JsonValue;
  after?: JsonValue;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJson(value: unknown): value is JsonValue {
  return value !== undefined;
}

/**
 * The leaves at which `before` and `after` differ, in path order, at most `limit` of them.
 * Records and lists are walked key by key (a row added shows its leaves with no `before`); a list
 * of strings (e.g. the parties a stream requires) is one leaf.
 */
export function paramValueChanges(
  before: unknown,
  after: unknown,
  limit = Number.POSITIVE_INFINITY,
): ParamValueChange[] {
  const out: ParamValueChange[] = [];
  const visit = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    const walk =
      (isRecord(a) || isRecord(b) || Array.isArray(a) || Array.isArray(b)) &&
      !(isStringList(a) || isStringList(b));
    if (walk && (isRecord(a) || a === undefined) && (isRecord(b) || b === undefined)) {
      const ra = (a ?? {}) as Record<string, unknown>;
      const rb = (b ?? {}) as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
      for (const key of keys) visit(ra[key], rb[key], path ? `${path}.${key}` : key);
      return;
    }
    if (walk && (Array.isArray(a) || a === undefined) && (Array.isArray(b) || b === undefined)) {
      const la = (a ?? []) as unknown[];
      const lb = (b ?? []) as unknown[];
      for (let i = 0; i < Math.max(la.length, lb.length); i += 1)
        visit(la[i], lb[i], path ? `${path}.${i}` : String(i));
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b) || path === '') return;
    out.push({
      path,
      ...(isJson(a) ? { before: a } : {}),
      ...(isJson(b) ? { after: b } : {}),
    });
  };
  visit(before, after, '');
  return out;
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}
