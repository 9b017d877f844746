// Whether a parameter edit would change the value result, worked out on a copy of the term sheet
// with the same engine the server binds sign-offs with.
import { computeValue } from '@parley/shared/engine';
import { valueResultHash } from '@parley/shared/mediation';
import type * as Y from 'yjs';
import type { DocPath } from '../docWrites';
import { exportTermSheet } from '../roomDoc';

export type ParamEdit =
  | { op: 'set'; path: DocPath; value: unknown }
  | { op: 'push'; path: DocPath; value: unknown }
  | { op: 'remove'; path: DocPath };

type Json = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function childOf(node: Json, key: string | number): unknown {
  return Array.isArray(node) ? node[Number(key)] : node[String(key)];
}

/** Applies the edit to plain JSON below `root` as the document write would; false if it cannot. */
export function applyParamEdit(root: Json, edit: ParamEdit): boolean {
  const path = edit.op === 'push' ? [...edit.path, Number.NaN] : edit.path;
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(node)) return false;
    let next = childOf(node, key);
    if (next === undefined && !Array.isArray(node) && edit.op === 'set') {
      next = {};
      node[String(key)] = next;
    }
    node = next;
  }
  if (!isContainer(node)) return false;
  const last = path[path.length - 1]!;
  if (edit.op === 'push') {
    if (!Array.isArray(node)) return false;
    node.push(structuredClone(edit.value));
  } else if (Array.isArray(node)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index < 0 || index > node.length) return false;
    if (edit.op === 'remove') node.splice(index, 1);
    else node.splice(index, index < node.length ? 1 : 0, structuredClone(edit.value));
  } else if (edit.op === 'remove' || edit.value === undefined) {
    delete node[String(last)];
  } else {
    node[String(last)] = structuredClone(edit.value);
  }
  return true;
}

/**
 * Whether the edit of a clause's parameters (or of the assumptions, `clauseId: 'assumptions'`)
 * changes the value result. Only asked while sign-offs hold, so it costs two engine runs rarely.
 */
export function valueMovesWith(doc: Y.Doc, clauseId: string, edit: ParamEdit): boolean {
  const before = exportTermSheet(doc) as { clauses?: unknown; assumptions?: unknown };
  const after = structuredClone(before);
  const root =
    clauseId === 'assumptions'
      ? after.assumptions
      : (Array.isArray(after.clauses)
          ? (after.clauses as { id?: unknown; params?: unknown }[])
          : []
        ).find((c) => c.id === clauseId)?.params;
  if (!isContainer(root) || !applyParamEdit(root, edit)) return false;
  return valueResultHash(computeValue(before)) !== valueResultHash(computeValue(after));
}
