export type { ClauseKindDef, ClauseParams } from './clause-kinds';
export { clauseKinds, equalSplit } from './clause-kinds';
export type {
  CapParams,
  ContributionDimension,
  CostLine,
  CostsParams,
  ExitParams,
  ExitTrigger,
  Kpi,
  LegacyLine,
  LegacyParams,
  MinimumGuaranteeParams,
  OutcomesParams,
  RevenueParams,
  SplitMethod,
  Stream,
  Tier,
  ValueSharingParams,
} from './clause-params';
export { splitMethods } from './clause-params';
export { driverSeries } from './drivers';
export type { Issue, IssueCode, IssueSeverity } from './issues';
export { hasErrors, issueCodes, issueSchema } from './issues';
export { checkParamRefs, findParamRefs, resolveParamPath } from './param-refs';
export { ID_PATTERN, MAX_AMOUNT, MAX_PARTIES, MAX_PERIODS, MAX_SCENARIOS } from './primitives';
export type {
  Assumptions,
  CalculatorKind,
  Clause,
  ClauseKind,
  ClauseOfKind,
  DriverValue,
  Ecosystem,
  Party,
  PeriodUnit,
  Scenario,
  TermSheet,
} from './schema';
export {
  TERMSHEET_FORMAT_V1,
  assumptionsSchema,
  calculatorKinds,
  clauseKindIds,
  clauseSchema,
  driverValueSchema,
  ecosystems,
  isCalculatorKind,
  isTermSheetFormat,
  partySchema,
  periodUnits,
  scenarioSchema,
  termSheetSchema,
  textOnlyKinds,
} from './schema';
export type { Cents, Percent } from './units';
export { cents, hasAtMostFourDecimals, percent, roundHalfAway, roundPercent } from './units';
export type { ValidationResult } from './validate';
export { validateTermSheet } from './validate';
