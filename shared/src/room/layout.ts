// Where things live in a room document: its root names, the fields of a clause map, and access to
// them that tolerates a malformed peer (missing parts created, repeated ids ignored).
import * as Y from 'yjs';

// Names of the room document's roots and of the fields inside a clause map. Peers rely on these
// names to find each other's edits, so they never change.
export const META = 'meta';
export const ASSUMPTIONS = 'assumptions';
export const CLAUSE_ORDER = 'clauseOrder';
export const CLAUSES = 'clauses';

export const CLAUSE_ID = 'id';
export const CLAUSE_KIND = 'kind';
export const CLAUSE_TITLE = 'title';
export const CLAUSE_BODY = 'body';
export const CLAUSE_PARAMS = 'params';

export type ClauseMap = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META);
}

export function assumptionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ASSUMPTIONS);
}

export function clauseOrderArray(doc: Y.Doc): Y.Array<string> {
  return doc.getArray<string>(CLAUSE_ORDER);
}

export function clausesMap(doc: Y.Doc): Y.Map<ClauseMap> {
  return doc.getMap<ClauseMap>(CLAUSES);
}

/** The clause's map, or undefined when the room has no clause with that id. */
export function getClauseMap(doc: Y.Doc, id: string): ClauseMap | undefined {
  const clause: unknown = clausesMap(doc).get(id);
  return clause instanceof Y.Map ? (clause as ClauseMap) : undefined;
}

export function requireClauseMap(doc: Y.Doc, id: string): ClauseMap {
  const clause = getClauseMap(doc, id);
  if (!clause) throw new RangeError(`the room has no clause "${id}"`);
  return clause;
}

/** The clause body, created (empty) if a malformed peer left it out. */
export function clauseBody(clause: ClauseMap): Y.XmlFragment {
  const body: unknown = clause.get(CLAUSE_BODY);
  if (body instanceof Y.XmlFragment) return body;
  const created = new Y.XmlFragment();
  clause.set(CLAUSE_BODY, created);
  return created;
}

/** The clause params map, created (empty) if missing. */
export function clauseParams(clause: ClauseMap): Y.Map<unknown> {
  const params: unknown = clause.get(CLAUSE_PARAMS);
  if (params instanceof Y.Map) return params as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  clause.set(CLAUSE_PARAMS, created);
  return created;
}

/**
 * Clause ids in display order: the first occurrence of each id in clauseOrder that has a clause
 * (duplicates come from concurrent moves), then clauses missing from clauseOrder, by id, so that
 * no clause ever disappears from view.
 */
export function readClauseOrder(doc: Y.Doc): string[] {
  const clauses = clausesMap(doc);
  const seen = new Set<string>();
  const order: string[] = [];
  for (const id of clauseOrderArray(doc).toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !(clauses.get(id) instanceof Y.Map)) continue;
    seen.add(id);
    order.push(id);
  }
  const orphans = [...clauses.keys()]
    .filter((id) => !seen.has(id) && clauses.get(id) instanceof Y.Map)
    .sort();
  return [...order, ...orphans];
}
