// The engine off the event loop: a pool of threads computing hashes, proposal impacts, values and
// analyses.
export { EngineCrashedError, EnginePool } from './pool';
export type { EngineOptions } from './pool';
export type {
  EngineResults,
  EngineTask,
  LiveSummary,
  ProposalCheck,
  ProposedChange,
} from './tasks';
export { riskOf, settlementOf } from './analysisTasks';
export type { AnalysisTask } from './analysisTasks';
