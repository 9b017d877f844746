// A term sheet as a live Yjs room document and back: import in one transaction that writes nothing
// on bad input, export in a stable key order so one document always gives the same bytes.
import * as Y from 'yjs';
import type { TermSheet } from '../termsheet';
import { TERMSHEET_FORMAT_V1 } from '../termsheet';
import type { JsonObject, JsonValue } from './json-y';
import { jsonToY, stableKeys, yToJson } from './json-y';
import type { ClauseMap } from './layout';
import {
  CLAUSE_BODY,
  CLAUSE_ID,
  CLAUSE_KIND,
  CLAUSE_PARAMS,
  CLAUSE_TITLE,
  assumptionsMap,
  clauseOrderArray,
  clausesMap,
  getClauseMap,
  metaMap,
  readClauseOrder,
} from './layout';
import { fragmentToMarkdown, markdownToFragment } from './markdown';

/** The parts of a clause the room document stores; the rest of a term sheet clause is JSON. */
export type RoomClauseInput = {
  id: string;
  kind: string;
  title?: string;
  text?: string;
  params?: unknown;
};

const TOP_LEVEL_ORDER = ['format', 'title', 'ecosystem', 'currency', 'parties'];
const ASSUMPTIONS_ORDER = ['periods', 'periodUnit', 'discountRatePct', 'scenarios'];
const CLAUSE_ORDER_KEYS = ['id', 'kind', 'title', 'text', 'params'];

function ordered(keys: Iterable<string>, first: readonly string[]): string[] {
  const all = [...keys];
  return [
    ...first.filter((k) => all.includes(k)),
    ...stableKeys(all.filter((k) => !first.includes(k))),
  ];
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object`);
  }
  return value as Record<string, unknown>;
}

/** A clause map (not yet in a document) and the Markdown its body gets once it is in one. */
export type PreparedClause = { id: string; map: ClauseMap; text: string };

/** Converts a term sheet clause; throws on bad input before anything is written. */
export function prepareClause(clause: RoomClauseInput, where = 'clause'): PreparedClause {
  const input = asObject(clause, where);
  if (typeof input.id !== 'string' || input.id === '') {
    throw new TypeError(`${where}.id must be a non-empty string`);
  }
  if (typeof input.kind !== 'string') throw new TypeError(`${where}.kind must be a string`);
  const text = input.text === undefined ? '' : input.text;
  if (typeof text !== 'string') throw new TypeError(`${where}.text must be a string`);
  const map = new Y.Map<unknown>();
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (value === undefined || key === 'text' || key === CLAUSE_PARAMS || key === CLAUSE_BODY) {
      continue;
    }
    if (key === CLAUSE_TITLE && typeof value !== 'string') {
      throw new TypeError(`${where}.title must be a string`);
    }
    map.set(key, jsonToY(value, `${where}.${key}`));
  }
  // A map not yet in a document cannot be read back, so the default is decided from the input.
  if (input.title === undefined) map.set(CLAUSE_TITLE, '');
  const params = input.params === undefined ? {} : asObject(input.params, `${where}.params`);
  map.set(CLAUSE_PARAMS, jsonToY(params, `${where}.params`));
  map.set(CLAUSE_BODY, new Y.XmlFragment());
  return { id: input.id, map, text };
}

/** Adds a prepared clause to the clauses map and writes its body (inside a transaction). */
export function addPreparedClause(doc: Y.Doc, prepared: PreparedClause): void {
  clausesMap(doc).set(prepared.id, prepared.map);
  const body = prepared.map.get(CLAUSE_BODY);
  if (prepared.text !== '' && body instanceof Y.XmlFragment)
    markdownToFragment(prepared.text, body);
}

/**
 * Replaces the whole room document with the term sheet, in one transaction. The input is
 * expected to be valid (see validateTermSheet); structural problems throw before anything is
 * written.
 */
export function populateRoomDoc(doc: Y.Doc, termsheet: TermSheet): void {
  const input = asObject(termsheet, 'term sheet');
  if (input.format !== undefined && input.format !== TERMSHEET_FORMAT_V1) {
    throw new TypeError(`term sheet format must be "${TERMSHEET_FORMAT_V1}"`);
  }
  const clauses = input.clauses === undefined ? [] : input.clauses;
  if (!Array.isArray(clauses)) throw new TypeError('term sheet clauses must be a list');
  // Convert everything first so that bad input throws before the document changes.
  const metaEntries: [string, unknown][] = [];
  for (const key of Object.keys(input)) {
    if (key === 'format' || key === 'assumptions' || key === 'clauses' || input[key] === undefined)
      continue;
    metaEntries.push([key, jsonToY(input[key], key)]);
  }
  const assumptions =
    input.assumptions === undefined ? {} : asObject(input.assumptions, 'assumptions');
  const assumptionEntries = Object.entries(assumptions)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]): [string, unknown] => [key, jsonToY(value, `assumptions.${key}`)]);
  const seen = new Set<string>();
  const prepared = clauses.map((clause: unknown, i) => {
    const result = prepareClause(clause as RoomClauseInput, `clauses.${i}`);
    if (seen.has(result.id)) {
      throw new RangeError(`clauses.${i}.id "${result.id}" is used by an earlier clause`);
    }
    seen.add(result.id);
    return result;
  });

  doc.transact(() => {
    const meta = metaMap(doc);
    const assumptionsRoot = assumptionsMap(doc);
    const order = clauseOrderArray(doc);
    const clausesRoot = clausesMap(doc);
    for (const key of [...meta.keys()]) meta.delete(key);
    for (const key of [...assumptionsRoot.keys()]) assumptionsRoot.delete(key);
    for (const key of [...clausesRoot.keys()]) clausesRoot.delete(key);
    if (order.length > 0) order.delete(0, order.length);
    for (const [key, value] of metaEntries) meta.set(key, value);
    for (const [key, value] of assumptionEntries) assumptionsRoot.set(key, value);
    for (const clause of prepared) addPreparedClause(doc, clause);
    order.push(prepared.map((clause) => clause.id));
  });
}

/** A new room document holding the term sheet. */
export function createRoomDoc(termsheet: TermSheet): Y.Doc {
  const doc = new Y.Doc();
  populateRoomDoc(doc, termsheet);
  return doc;
}

/** One clause as term sheet JSON (`text` is the body as canonical Markdown). */
export function exportClause(clause: ClauseMap, id: string): JsonObject {
  const out: JsonObject = {};
  const keys = new Set([
    ...clause.keys(),
    CLAUSE_ID,
    CLAUSE_KIND,
    CLAUSE_TITLE,
    'text',
    CLAUSE_PARAMS,
  ]);
  keys.delete(CLAUSE_BODY);
  for (const key of ordered(keys, CLAUSE_ORDER_KEYS)) {
    if (key === CLAUSE_ID) out.id = id;
    else if (key === 'text') {
      const body = clause.get(CLAUSE_BODY);
      out.text = body instanceof Y.XmlFragment ? fragmentToMarkdown(body) : '';
    } else if (key === CLAUSE_PARAMS) {
      const params = clause.get(CLAUSE_PARAMS);
      out.params = params instanceof Y.Map ? yToJson(params) : {};
    } else if (key === CLAUSE_TITLE) {
      const title = clause.get(CLAUSE_TITLE);
      out.title = typeof title === 'string' ? title : '';
    } else {
      const value: unknown = clause.get(key);
      if (value !== undefined) out[key] = yToJson(value);
    }
  }
  return out;
}

/**
 * The room document as `parley.termsheet/v1` JSON: clauses in clauseOrder order (repeated and
 * dangling ids ignored), keys in a stable order so the same document always exports the same
 * bytes. Not validated: feed it to validateTermSheet or computeValue.
 */
/**
 * How exportTermSheet gets one clause's JSON: `exportClause` exports it from the document; a
 * caller that knows a clause is unchanged may answer a copy it kept instead.
 */
export type ClauseExporter = (id: string, exportClause: () => JsonObject) => JsonObject;

export function exportTermSheet(doc: Y.Doc, clauseJson?: ClauseExporter): unknown {
  const out: Record<string, JsonValue> = { format: TERMSHEET_FORMAT_V1 };
  const meta = metaMap(doc);
  for (const key of ordered(meta.keys(), TOP_LEVEL_ORDER)) {
    if (key === 'format') continue;
    const value: unknown = meta.get(key);
    if (value !== undefined) out[key] = yToJson(value);
  }
  const assumptions = assumptionsMap(doc);
  const assumptionsOut: JsonObject = {};
  for (const key of ordered(assumptions.keys(), ASSUMPTIONS_ORDER)) {
    const value: unknown = assumptions.get(key);
    if (value !== undefined) assumptionsOut[key] = yToJson(value);
  }
  out.assumptions = assumptionsOut;
  out.clauses = readClauseOrder(doc).map((id) => {
    const exported = () => exportClause(getClauseMap(doc, id) as ClauseMap, id);
    return clauseJson === undefined ? exported() : clauseJson(id, exported);
  });
  return out;
}
