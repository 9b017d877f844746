export { getClauseMap, readClauseOrder } from './layout';

export { createRoomDoc, populateRoomDoc, exportTermSheet } from './document';

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
export { parseMarkdown } from './markdown-parse';
export type { BlockNode, InlineNode, MarkName } from './markdown-ast';
export { clausesTouchedBy, clauseOrderTouchedBy, clausesTouchedByUpdate } from './touched';
export { partyIndexOf, readRoomParties } from './parties';
export type { DocParty } from './parties';
export { paramValueChanges } from './param-changes';
export type { ParamValueChange } from './param-changes';
