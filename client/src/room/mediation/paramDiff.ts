// Proposal changes as `{ path, value }` lists: the smallest diff between two sets of params, and
// copies of params with changes applied, so drafts never touch the shared document.
import type { ParamChange } from '@parley/shared/mediation';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The smallest list of `{ path, value }` changes that turns `before` into `after`: leaves that
 * differ, and whole lists whose length changed (a row added or removed).
 */
export function paramChanges(before: unknown, after: unknown, prefix = ''): ParamChange[] {
  const here = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      key in after ? paramChanges(before[key], after[key], here(key)) : [],
    );
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return after.flatMap((item, index) => paramChanges(before[index], item, here(index)));
  }
  if (JSON.stringify(before) === JSON.stringify(after) || prefix === '') return [];
  return [{ path: prefix, value: after as ParamChange['value'] }];
}

/** Sets a dotted-path value in a deep copy of params. */
export function withParam(
  params: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(params);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    const next = (node as Record<string | number, unknown>)[key];
    if (typeof next !== 'object' || next === null) {
      (node as Record<string | number, unknown>)[key] = {};
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path[path.length - 1];
  if (last !== undefined) (node as Record<string | number, unknown>)[last] = value;
  return copy;
}

export function withPushed(
  params: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const list = readPath(params, path);
  return withParam(params, path, [...(Array.isArray(list) ? list : []), value]);
}

export function withRemoved(
  params: Record<string, unknown>,
  path: readonly (string | number)[],
): Record<string, unknown> {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = readPath(params, parentPath);
  if (Array.isArray(parent) && typeof last === 'number') {
    return withParam(
      params,
      parentPath,
      parent.filter((_, i) => i !== last),
    );
  }
  if (isRecord(parent) && last !== undefined) {
    const next = { ...parent };
    delete next[String(last)];
    return parentPath.length ? withParam(params, parentPath, next) : next;
  }
  return params;
}

export function readPath(value: unknown, path: readonly (string | number)[]): unknown {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node)) node = node[String(key)];
    else return undefined;
  }
  return node;
}

/** Applies `{ path, value }` changes (dotted paths) to a copy of params, for a counter's draft. */
export function applyChanges(
  params: Record<string, unknown>,
  changes: readonly ParamChange[],
): Record<string, unknown> {
  let next = params;
  for (const change of changes) {
    const path = change.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    next = withParam(next, path, change.value);
  }
  return next;
}
