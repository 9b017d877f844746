// Decision support on the value engine: sensitivity, break-even, probability-weighted figures,
// Monte Carlo risk, separation (a party leaving) and the mediator's fair-settlement search.
export { ANALYSIS_FORMAT_V1, analysisKinds, centsSchema, percentSchema } from './outcome';
export type { Analysis, AnalysisKind } from './outcome';

export { sensitivity } from './sensitivity';
export type { SensitivityOptions } from './sensitivity';
export {
  sensitivityAnalysisSchema,
  sensitivityEntrySchema,
  sensitivityMoveSchema,
  sensitivityResultSchema,
  sensitivityTargetSchema,
} from './sensitivity-result';
export type {
  SensitivityAnalysis,
  SensitivityEntry,
  SensitivityMove,
  SensitivityResult,
  SensitivityTarget,
} from './sensitivity-result';

export { breakEven, BREAK_EVEN_GRID } from './break-even';
export type { BreakEvenOptions } from './break-even';
export {
  breakEvenAnalysisSchema,
  breakEvenCrossingSchema,
  breakEvenResultSchema,
  driverBreakEvenSchema,
  partyBreakEvenSchema,
} from './break-even-result';
export type {
  BreakEvenAnalysis,
  BreakEvenCrossing,
  BreakEvenResult,
  DriverBreakEven,
  PartyBreakEven,
} from './break-even-result';
