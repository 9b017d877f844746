// The keys each part of the room document may hold, taken from the term sheet's schema so that a
// field added to the format is allowed here too; anything else is outside the document's layout.
import { assumptionsSchema, partySchema, termSheetSchema } from '@parley/shared/termsheet';
import * as Y from 'yjs';

/** Keys of the sheet's header (`meta`): everything at the top of a term sheet but its two lists. */
export const HEADER_KEYS: ReadonlySet<string> = new Set(
  Object.keys(termSheetSchema.shape).filter((key) => key !== 'assumptions' && key !== 'clauses'),
);
export const ASSUMPTION_KEYS: ReadonlySet<string> = new Set(Object.keys(assumptionsSchema.shape));
export const PARTY_KEYS: ReadonlySet<string> = new Set(Object.keys(partySchema.shape));
/** A clause map holds its id, kind, title, body (the rich text) and params. */
export const CLAUSE_KEYS: ReadonlySet<string> = new Set(['id', 'kind', 'title', 'body', 'params']);

/** The first key of `map` not in `allowed`, if any. */
export function foreignKey(map: unknown, allowed: ReadonlySet<string>): string | null {
  if (!(map instanceof Y.Map)) return null;
  for (const key of map.keys()) if (!allowed.has(key)) return key;
  return null;
}
