// Content hashes over canonical JSON: what sign-offs and proposals are bound to, so any change to
// a clause or to the value result shows, whatever order its keys were written in.
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';

/**
 * JSON with object keys sorted at every level, so equal content always gives the same text
 * whatever order the document or the engine produced its keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') return JSON.stringify(Object.is(value, -0) ? 0 : value);
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** SHA-256 of the UTF-8 text, hex encoded. */
export function sha256Hex(text: string): string {
  let out = '';
  for (const byte of digest(encodeUtf8(text))) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 of the canonical JSON of a value, as `sha256:<hex>`. */
export function contentHash(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What of a clause a sign-off binds: kind, title, text (Markdown) and params. */
export function clauseContent(clause: unknown): {
  kind: unknown;
  title: unknown;
  text: unknown;
  params: unknown;
} {
  const c = isRecord(clause) ? clause : {};
  return {
    kind: c.kind ?? null,
    title: c.title ?? '',
    text: c.text ?? '',
    params: c.params ?? {},
  };
}

/** The hash of one clause's content (see `clauseContent`). */
export function clauseContentHash(clause: unknown): string {
  return contentHash(clauseContent(clause));
}

/** Content hash of every clause of a raw term sheet export, by clause id. */
export function clauseHashes(termsheet: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const clauses = isRecord(termsheet) && Array.isArray(termsheet.clauses) ? termsheet.clauses : [];
  for (const clause of clauses) {
    if (!isRecord(clause) || typeof clause.id !== 'string' || clause.id in out) continue;
    out[clause.id] = clauseContentHash(clause);
  }
  return out;
}

/** The hash of a whole `parley.value/v1` result: any change in any figure changes it. */
export function valueResultHash(result: unknown): string {
  return contentHash(result);
}

/** What of the sheet's header a sign-off binds: title, currency, ecosystem and the parties. */
export function headerHash(termsheet: unknown): string {
  const t = isRecord(termsheet) ? termsheet : {};
  return contentHash({
    title: t.title ?? '',
    currency: t.currency ?? null,
    ecosystem: t.ecosystem ?? null,
    parties: t.parties ?? [],
  });
}

/** The hash of the sheet's assumptions: periods, period unit, discount rate, scenarios. */
export function assumptionsHash(termsheet: unknown): string {
  const t = isRecord(termsheet) ? termsheet : {};
  return contentHash(t.assumptions ?? {});
}
