// Edits to a room document's clause params, meta, parties, assumptions and scenario drivers, each
// addressed by a path inside its part of the document.
import * as Y from 'yjs';
import type { DriverValue, Party, Scenario } from '../termsheet';
import { yToJson } from './json-y';
import { assumptionsMap, clauseParams, metaMap, requireClauseMap } from './layout';
import type { Path } from './path';
import { deleteAtPath, insertAtPath, setAtPath } from './path';

// Fine-grained edits: each one changes the smallest part of the document it can, so that people
// editing different fields of the same clause, party or scenario at once all keep their edit.

function transact(doc: Y.Doc, edit: () => void): void {
  doc.transact(edit);
}

// ---- clause params ----

/** Sets one value inside a clause's params, creating missing maps and lists on the way. */
export function setParam(doc: Y.Doc, clauseId: string, path: Path, value: unknown): void {
  const clause = requireClauseMap(doc, clauseId);
  transact(doc, () => setAtPath(clauseParams(clause), path, value, `${clauseId}.params`));
}

/** Removes a key (or list item) inside a clause's params; a missing key is not an error. */
export function deleteParam(doc: Y.Doc, clauseId: string, path: Path): void {
  const clause = requireClauseMap(doc, clauseId);
  transact(doc, () => deleteAtPath(clauseParams(clause), path, `${clauseId}.params`));
}

/** Adds a row to a list in a clause's params (streams, costs, tiers, kpis, dimensions, …). */
export function insertParamItem(
  doc: Y.Doc,
  clauseId: string,
  listPath: Path,
  item: unknown,
  index?: number,
): number {
  const clause = requireClauseMap(doc, clauseId);
  let at = 0;
  transact(doc, () => {
    at = insertAtPath(clauseParams(clause), listPath, item, index, `${clauseId}.params`);
  });
  return at;
}

/** Removes row `index` of a list in a clause's params. */
export function removeParamItem(doc: Y.Doc, clauseId: string, listPath: Path, index: number): void {
  deleteParam(doc, clauseId, [...listPath, index]);
}

/** A clause's params as plain JSON, or undefined when there is no such clause. */
export function readParams(doc: Y.Doc, clauseId: string): unknown {
  const params = requireClauseMap(doc, clauseId).get('params');
  return params instanceof Y.Map ? yToJson(params) : {};
}

// ---- meta and parties ----

export type MetaField = 'title' | 'ecosystem' | 'currency';

export function setMeta(doc: Y.Doc, field: MetaField, value: string): void {
  if (typeof value !== 'string') throw new TypeError(`${field} must be a string`);
  metaMap(doc).set(field, value);
}

function partiesArray(doc: Y.Doc): Y.Array<unknown> {
  const meta = metaMap(doc);
  const parties = meta.get('parties');
  if (parties instanceof Y.Array) return parties;
  const created = new Y.Array<unknown>();
  meta.set('parties', created);
  return created;
}

function findById(
  list: Y.Array<unknown>,
  id: string,
  what: string,
): { index: number; map: Y.Map<unknown> } {
  const items = list.toArray();
  const index = items.findIndex((item) => item instanceof Y.Map && item.get('id') === id);
  if (index === -1) throw new RangeError(`the room has no ${what} "${id}"`);
  return { index, map: items[index] as Y.Map<unknown> };
}

export function addParty(doc: Y.Doc, party: Party, index?: number): void {
  transact(doc, () => {
    const list = partiesArray(doc);
    if (list.toArray().some((item) => item instanceof Y.Map && item.get('id') === party.id)) {
      throw new RangeError(`the room already has a party "${party.id}"`);
    }
    insertAtPath(metaMap(doc), ['parties'], party, index, 'meta');
  });
}

/** Sets one field of a party (`name`, `role`, `lead`); undefined removes it. */
export function setPartyField(doc: Y.Doc, partyId: string, field: string, value: unknown): void {
  transact(doc, () => {
    const { map } = findById(partiesArray(doc), partyId, 'party');
    setAtPath(map, [field], value, `parties.${partyId}`);
  });
}

export function removeParty(doc: Y.Doc, partyId: string): void {
  transact(doc, () => {
    const list = partiesArray(doc);
    list.delete(findById(list, partyId, 'party').index, 1);
  });
}

// ---- assumptions ----

/** Sets a value anywhere inside the assumptions (`['periods']`, `['scenarios', 0, 'name']`). */
export function setAssumption(doc: Y.Doc, path: Path, value: unknown): void {
  transact(doc, () => setAtPath(assumptionsMap(doc), path, value, 'assumptions'));
}

function scenariosArray(doc: Y.Doc): Y.Array<unknown> {
  const assumptions = assumptionsMap(doc);
  const scenarios = assumptions.get('scenarios');
  if (scenarios instanceof Y.Array) return scenarios;
  const created = new Y.Array<unknown>();
  assumptions.set('scenarios', created);
  return created;
}

function scenarioMap(doc: Y.Doc, scenarioId: string): Y.Map<unknown> {
  return findById(scenariosArray(doc), scenarioId, 'scenario').map;
}

export function addScenario(doc: Y.Doc, scenario: Scenario, index?: number): void {
  transact(doc, () => {
    const list = scenariosArray(doc);
    if (list.toArray().some((item) => item instanceof Y.Map && item.get('id') === scenario.id)) {
      throw new RangeError(`the room already has a scenario "${scenario.id}"`);
    }
    insertAtPath(assumptionsMap(doc), ['scenarios'], scenario, index, 'assumptions');
  });
}

export function removeScenario(doc: Y.Doc, scenarioId: string): void {
  transact(doc, () => {
    const list = scenariosArray(doc);
    list.delete(findById(list, scenarioId, 'scenario').index, 1);
  });
}

export function setScenarioName(doc: Y.Doc, scenarioId: string, name: string): void {
  if (typeof name !== 'string') throw new TypeError('a scenario name must be a string');
  transact(doc, () => scenarioMap(doc, scenarioId).set('name', name));
}

/** Sets a whole driver of a scenario (number, `{ start, growthPct }` or `{ series }`). */
export function setDriver(
  doc: Y.Doc,
  scenarioId: string,
  driver: string,
  value: DriverValue,
): void {
  transact(doc, () => {
    const scenario = scenarioMap(doc, scenarioId);
    setAtPath(scenario, ['drivers', driver], value, `scenarios.${scenarioId}`);
  });
}

/**
 * Sets one part of a driver (`['growthPct']`, `['series', 3]`) without replacing the rest, so two
 * people adjusting the same driver's start and growth both keep their change.
 */
export function setDriverField(
  doc: Y.Doc,
  scenarioId: string,
  driver: string,
  path: Path,
  value: unknown,
): void {
  transact(doc, () => {
    const scenario = scenarioMap(doc, scenarioId);
    setAtPath(scenario, ['drivers', driver, ...path], value, `scenarios.${scenarioId}`);
  });
}

export function removeDriver(doc: Y.Doc, scenarioId: string, driver: string): void {
  transact(doc, () =>
    deleteAtPath(scenarioMap(doc, scenarioId), ['drivers', driver], `scenarios.${scenarioId}`),
  );
}
