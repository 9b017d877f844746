// Named versions of a room's sheet and comparing any two states of it: schemas for the requests,
// readable clause text and parameter values, the word-level redline and the comparison itself.
export {
  MAX_VERSION_NAME,
  NOW,
  compareQuerySchema,
  exportFormatSchema,
  exportFormats,
  exportQuerySchema,
  saveVersionRequestSchema,
  versionAuthorSchema,
  versionKindSchema,
  versionKinds,
  versionRefSchema,
  versionSchema,
  versionSummarySchema,
} from './schemas';
export type {
  CompareQuery,
  ExportFormat,
  ExportQuery,
  SaveVersionRequest,
  Version,
  VersionAuthor,
  VersionKind,
  VersionRef,
  VersionSummary,
} from './schemas';
export { diffTokens, redline, tokenize } from './wordDiff';
export type { DiffKind, DiffOp, RedlineSegment } from './wordDiff';
export { asLooseSheet, moneyText, paramNameText, paramValueText, valueAt } from './paramText';
export type { LooseSheet } from './paramText';
export { clauseParagraphs, clausePlainText } from './sheetText';
export { compareSheets } from './compare';
export type {
  ClauseComparison,
  ClauseStatus,
  FieldComparison,
  ParamComparison,
  PartyValueComparison,
  ScenarioComparison,
  SheetComparison,
  SheetState,
  Totals,
} from './compare';
