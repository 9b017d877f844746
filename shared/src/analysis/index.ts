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

export { probabilityWeighted } from './probability';
export { probabilityWeightedSchema, weightedTotalsSchema } from './probability';
export type { ProbabilityWeighted, WeightedTotals } from './probability';
export { monteCarlo, DEFAULT_PATHS, DEFAULT_SEED, MAX_PATHS } from './monte-carlo';
export type { MonteCarloOptions } from './monte-carlo';
export { MAX_SEED } from './prng';
export {
  monteCarloAnalysisSchema,
  monteCarloResultSchema,
  scenarioRiskSchema,
} from './monte-carlo-result';
export type { MonteCarloAnalysis, MonteCarloResult, ScenarioRisk } from './monte-carlo-result';
export { HISTOGRAM_BINS, partyRiskSchema } from './risk-stats';
export type { PartyRisk } from './risk-stats';

export { separation } from './separation';
export type { SeparationOptions } from './separation';
export {
  separationAnalysisSchema,
  separationPartySchema,
  separationResultSchema,
  separationScenarioSchema,
} from './separation-result';
export type {
  SeparationAnalysis,
  SeparationParty,
  SeparationResult,
  SeparationScenario,
} from './separation-result';

export { sharedBound, sharedBoundsOf, sharedPositionSchema } from './shared-bounds';
export type { SharedBound, SharedPosition } from './shared-bounds';
export { nashSettlement, DEFAULT_MAX_EVALUATIONS } from './nash';
export type { NashOptions } from './nash';
export {
  nashAnalysisSchema,
  nashBasisSchema,
  nashConflictSchema,
  nashParameterSchema,
  nashPartySchema,
  nashProposalSchema,
  nashResultSchema,
  nashSplitConflictSchema,
} from './nash-result';
export type {
  NashAnalysis,
  NashBasis,
  NashParameter,
  NashParty,
  NashProposal,
  NashResult,
} from './nash-result';
