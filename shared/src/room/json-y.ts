// Plain JSON into nested Yjs maps and arrays and back, so params are edited field by field; export
// orders keys stably so the same content always gives the same JSON.
import * as Y from 'yjs';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A value as stored in the room document: primitives as they are, objects and arrays nested. */
export type YValue = JsonPrimitive | Y.Map<unknown> | Y.Array<unknown>;

// Keys that read best first; everything else follows alphabetically so that export
// is deterministic whatever order peers happened to insert keys in.
const leadingKeys = ['id', 'name', 'kind', 'title'];

/** Object keys in the stable order every export uses. */
export function stableKeys(keys: Iterable<string>): string[] {
  const all = [...keys];
  const leading = leadingKeys.filter((k) => all.includes(k));
  const rest = all.filter((k) => !leadingKeys.includes(k)).sort();
  return [...leading, ...rest];
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return value === null ? 'null' : 'an object';
  return typeof value;
}

/**
 * Converts plain JSON into Yjs types: objects become Y.Map, arrays Y.Array, primitives stay
 * values. Keys whose value is undefined are left out. Throws on anything that is not JSON.
 */
export function jsonToY(value: unknown, where = 'value'): YValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where} is not a finite number`);
    return value;
  }
  if (Array.isArray(value)) {
    const arr = new Y.Array<unknown>();
    arr.push(
      value.map((item, i) => {
        if (item === undefined) throw new TypeError(`${where}.${i} is undefined`);
        return jsonToY(item, `${where}.${i}`);
      }),
    );
    return arr;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const map = new Y.Map<unknown>();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue;
      map.set(key, jsonToY(item, `${where}.${key}`));
    }
    return map;
  }
  throw new TypeError(`${where} is not JSON (got ${describe(value)})`);
}

/** Converts stored Yjs content back to plain JSON, object keys in stable order. */
export function yToJson(value: unknown): JsonValue {
  if (value instanceof Y.Map) {
    const out: JsonObject = {};
    for (const key of stableKeys(value.keys())) {
      const item: unknown = value.get(key);
      if (item === undefined) continue;
      out[key] = yToJson(item);
    }
    return out;
  }
  if (value instanceof Y.Array) return value.toArray().map((item) => yToJson(item));
  if (value instanceof Y.AbstractType) return value.toJSON() as JsonValue;
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  // Anything else cannot come from a conforming writer; export it as absent rather than crash.
  return null;
}
