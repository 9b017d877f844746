export { clauseKinds } from './clause-kinds';

export type { Issue } from './issues';

export { checkParamRefs, findParamRefs, resolveParamPath } from './param-refs';

export type { ClauseKind, DriverValue, Party, Scenario, TermSheet } from './schema';
export {
  TERMSHEET_FORMAT_V1,
  assumptionsSchema,
  calculatorKinds,
  clauseKindIds,
  isCalculatorKind,
  isTermSheetFormat,
  partySchema,
  termSheetSchema,
} from './schema';

export { validateTermSheet } from './validate';

export { MAX_AMOUNT, MAX_CLAUSE_TITLE_LENGTH, MAX_NUMBER, MAX_PERIODS } from './primitives';
export {
  MAX_CLAUSE_TEXT_LENGTH,
  MAX_DRIVERS,
  MAX_KPIS,
  MAX_PERIOD_SCENARIOS,
  MAX_SHEET_TEXT_LENGTH,
  MAX_STREAMS,
  sizeIssues,
} from './size-limits';
export { checkTermSheetFully } from './check-all';
