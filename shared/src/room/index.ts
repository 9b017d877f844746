// The live room document server and client share: its layout, term sheet import and export,
// clause and field edits, clause Markdown, and which clauses an update touches.
export { getClauseMap, readClauseOrder } from './layout';

export { createRoomDoc, populateRoomDoc, exportTermSheet } from './document';
export type { ClauseExporter } from './document';
export type { JsonObject } from './json-y';

export {
  insertClause,
  moveClause,
  removeClause,
  setClauseTitle,
  setClauseText,
  getClauseBody,
} from './clauses';

export {
  setParam,
  deleteParam,
  insertParamItem,
  removeParamItem,
  readParams,
  setMeta,
  setPartyField,
  setAssumption,
  addScenario,
  removeScenario,
  setDriver,
  setDriverField,
} from './edits';

export { parsePath } from './path';

export { jsonToY } from './json-y';

export { markdownToFragment, fragmentToMarkdown } from './markdown';
export {
  DOC_ROOTS,
  clauseOrderTouchedBy,
  clausesTouchedBy,
  clausesTouchedByUpdate,
  docEffectOf,
  docEffectOfUpdate,
  mergeEffects,
} from './touched';
export type { DocEffect } from './touched';
export { partyIndexOf, readRoomParties } from './parties';
export type { DocParty } from './parties';
export { dryRun, writeChange } from './proposalChange';
export type { ClauseChange } from './proposalChange';
export { parseMarkdown } from './markdown-parse';
export type { BlockNode, InlineNode, MarkName } from './markdown-ast';
export { paramValueChanges } from './param-changes';
export type { ParamValueChange } from './param-changes';
