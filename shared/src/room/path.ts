// Paths inside a room document's nested maps and lists (`streams.0.unitPrice`): read, set, delete
// and insert, creating missing parts and naming the path in every error.
import * as Y from 'yjs';
import { jsonToY } from './json-y';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Splits a dotted path such as `streams.0.unitPrice` into segments, numbers for indexes. */
export function parsePath(dotted: string): PathSegment[] {
  if (dotted === '') return [];
  return dotted.split('.').map((seg) => (/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg));
}

export function formatPath(path: Path): string {
  return path.map(String).join('.');
}

type Container = Y.Map<unknown> | Y.Array<unknown>;

function arrayIndex(
  arr: Y.Array<unknown>,
  seg: PathSegment,
  where: string,
  allowEnd: boolean,
): number {
  const index = typeof seg === 'number' ? seg : /^[0-9]+$/.test(seg) ? Number(seg) : NaN;
  const max = allowEnd ? arr.length : arr.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > max) {
    throw new RangeError(
      `${where}: index ${String(seg)} is out of range (the list has ${arr.length} items)`,
    );
  }
  return index;
}

function childOf(container: Container, seg: PathSegment, where: string): unknown {
  if (container instanceof Y.Map) return container.get(String(seg));
  const index = arrayIndex(container, seg, where, true);
  return index < container.length ? container.get(index) : undefined;
}

function put(container: Container, seg: PathSegment, value: unknown, where: string): void {
  if (container instanceof Y.Map) {
    container.set(String(seg), value);
    return;
  }
  const index = arrayIndex(container, seg, where, true);
  if (index < container.length) container.delete(index, 1);
  container.insert(index, [value]);
}

/**
 * Walks `path` from `root`, creating missing maps (before a string segment) and arrays (before a
 * number segment), and returns the container that holds the last segment.
 */
function walk(root: Y.Map<unknown>, path: Path, label: string, create: boolean): Container {
  let current: Container = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i] as PathSegment;
    const where = `${label}.${formatPath(path.slice(0, i + 1))}`;
    let child = childOf(current, seg, where);
    if (child === undefined || child === null) {
      if (!create) throw new RangeError(`${where} does not exist`);
      child = typeof path[i + 1] === 'number' ? new Y.Array<unknown>() : new Y.Map<unknown>();
      put(current, seg, child, where);
    }
    if (!(child instanceof Y.Map) && !(child instanceof Y.Array)) {
      throw new TypeError(`${where} holds a value, not an object or list`);
    }
    current = child;
  }
  return current;
}

/** Sets the value at `path` below `root` (deeply converted), creating intermediate containers. */
export function setAtPath(root: Y.Map<unknown>, path: Path, value: unknown, label: string): void {
  if (path.length === 0) throw new RangeError(`${label}: the path is empty`);
  const where = `${label}.${formatPath(path)}`;
  if (value === undefined) {
    deleteAtPath(root, path, label);
    return;
  }
  const converted = jsonToY(value, where);
  const container = walk(root, path, label, true);
  put(container, path[path.length - 1] as PathSegment, converted, where);
}

/** Removes the key or list item at `path`; a missing key is not an error. */
export function deleteAtPath(root: Y.Map<unknown>, path: Path, label: string): void {
  if (path.length === 0) throw new RangeError(`${label}: the path is empty`);
  const where = `${label}.${formatPath(path)}`;
  let container: Container;
  try {
    container = walk(root, path, label, false);
  } catch (err) {
    if (err instanceof RangeError && /does not exist$/.test(err.message)) return;
    throw err;
  }
  const last = path[path.length - 1] as PathSegment;
  if (container instanceof Y.Map) container.delete(String(last));
  else container.delete(arrayIndex(container, last, where, false), 1);
}

/** The list at `path`, created empty if missing. */
function listAt(root: Y.Map<unknown>, path: Path, label: string): Y.Array<unknown> {
  if (path.length === 0) throw new RangeError(`${label}: the path is empty`);
  const where = `${label}.${formatPath(path)}`;
  const container = walk(root, path, label, true);
  const last = path[path.length - 1] as PathSegment;
  let list = childOf(container, last, where);
  if (list === undefined || list === null) {
    list = new Y.Array<unknown>();
    put(container, last, list, where);
  }
  if (!(list instanceof Y.Array)) throw new TypeError(`${where} is not a list`);
  return list;
}

/** Inserts `item` into the list at `path` (at `index`, default the end); returns its index. */
export function insertAtPath(
  root: Y.Map<unknown>,
  path: Path,
  item: unknown,
  index: number | undefined,
  label: string,
): number {
  const where = `${label}.${formatPath(path)}`;
  const converted = jsonToY(item, `${where}.item`);
  const list = listAt(root, path, label);
  const at = index === undefined ? list.length : arrayIndex(list, index, where, true);
  list.insert(at, [converted]);
  return at;
}

/** Reads the stored value at `path` (a Yjs type or primitive), or undefined. */
export function readAtPath(root: Y.Map<unknown>, path: Path): unknown {
  let current: unknown = root;
  for (const seg of path) {
    if (current instanceof Y.Map) current = current.get(String(seg));
    else if (current instanceof Y.Array) {
      const index = typeof seg === 'number' ? seg : Number(seg);
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return undefined;
      current = current.get(index);
    } else return undefined;
  }
  return current;
}
