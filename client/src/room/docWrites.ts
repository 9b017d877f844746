// Writing parameter values into the shared document by path: one Yjs change per edit, so that
// concurrent edits to different fields of a clause merge instead of overwriting each other.
import * as Y from 'yjs';
import { jsonToY } from '@parley/shared/room';

export type DocPath = readonly (string | number)[];

function child(container: unknown, key: string | number): unknown {
  if (container instanceof Y.Map) return container.get(String(key));
  if (container instanceof Y.Array && typeof key === 'number') return container.get(key);
  return undefined;
}

/** Walks from a root Y type to the container holding the last path element. */
function parentOf(root: Y.Map<unknown> | Y.Array<unknown>, path: DocPath): unknown {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    node = child(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}

/** Sets `value` at `path` below `root`, creating missing maps on the way; false when the path cannot exist. */
export function setAt(
  root: Y.Map<unknown> | Y.Array<unknown>,
  path: DocPath,
  value: unknown,
): boolean {
  if (path.length === 0) return false;
  const doc = root.doc;
  let ok = false;
  const apply = () => {
    let node: unknown = root;
    for (const key of path.slice(0, -1)) {
      let next = child(node, key);
      if (next === undefined && node instanceof Y.Map) {
        next = new Y.Map<unknown>();
        node.set(String(key), next);
      }
      node = next;
      if (node === undefined) return;
    }
    const last = path[path.length - 1]!;
    if (node instanceof Y.Map) {
      if (value === undefined) node.delete(String(last));
      else node.set(String(last), jsonToY(value));
      ok = true;
    } else if (
      node instanceof Y.Array &&
      typeof last === 'number' &&
      last >= 0 &&
      last <= node.length
    ) {
      if (last < node.length) node.delete(last, 1);
      if (value !== undefined) node.insert(last, [jsonToY(value)]);
      ok = true;
    }
  };
  if (doc) doc.transact(apply);
  else apply();
  return ok;
}

export function pushAt(
  root: Y.Map<unknown> | Y.Array<unknown>,
  path: DocPath,
  value: unknown,
): boolean {
  const doc = root.doc;
  let ok = false;
  const apply = () => {
    const target = path.length === 0 ? root : child(parentOf(root, path), path[path.length - 1]!);
    if (target instanceof Y.Array) {
      target.push([jsonToY(value)]);
      ok = true;
    }
  };
  if (doc) doc.transact(apply);
  else apply();
  return ok;
}

export function removeAt(root: Y.Map<unknown> | Y.Array<unknown>, path: DocPath): boolean {
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (last === undefined) return false;
  if (parent instanceof Y.Array && typeof last === 'number' && last < parent.length) {
    parent.delete(last, 1);
    return true;
  }
  if (parent instanceof Y.Map) {
    parent.delete(String(last));
    return true;
  }
  return false;
}
