export {
  META,
  ASSUMPTIONS,
  CLAUSE_ORDER,
  CLAUSES,
  metaMap,
  assumptionsMap,
  clauseOrderArray,
  clausesMap,
  getClauseMap,
  readClauseOrder,
} from './layout';
export type { ClauseMap } from './layout';
export { createRoomDoc, populateRoomDoc, exportTermSheet, exportClause } from './document';
export type { RoomClauseInput } from './document';
export {
  insertClause,
  moveClause,
  removeClause,
  setClauseTitle,
  setClauseText,
  getClauseBody,
  newClauseId,
} from './clauses';
export type { InsertClauseOptions } from './clauses';
export {
  setParam,
  deleteParam,
  insertParamItem,
  removeParamItem,
  readParams,
  setMeta,
  addParty,
  setPartyField,
  removeParty,
  setAssumption,
  addScenario,
  removeScenario,
  setScenarioName,
  setDriver,
  setDriverField,
  removeDriver,
} from './edits';
export type { MetaField } from './edits';
export { parsePath, formatPath } from './path';
export type { Path, PathSegment } from './path';
export { jsonToY, yToJson } from './json-y';
export type { JsonValue, JsonObject } from './json-y';
export { markdownToFragment, fragmentToMarkdown, canonicalMarkdown } from './markdown';
export { clausesTouchedBy, clauseOrderTouchedBy, clausesTouchedByUpdate } from './touched';
export type { UpdateEffect } from './touched';
