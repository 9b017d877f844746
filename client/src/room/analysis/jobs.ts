// The analyses this browser runs on the room's sheet (sensitivity, break-even, separation,
// probability-weighted figures), as plain jobs a Web Worker answers, so that typing never waits
// for them.
import { breakEven, probabilityWeighted, sensitivity, separation } from '@parley/shared/analysis';
import type {
  BreakEvenAnalysis,
  ProbabilityWeighted,
  SensitivityAnalysis,
  SeparationAnalysis,
} from '@parley/shared/analysis';
import { computeValue } from '@parley/shared/engine';
import { validateTermSheet } from '@parley/shared/termsheet';

export type AnalysisJob =
  | { kind: 'sensitivity'; partyId: string; scenarioId: string; stepPct: number }
  | { kind: 'break-even'; scenarioId: string }
  | { kind: 'separation'; partyId: string; period: number; scenarioId: string }
  | { kind: 'weighted' };

export interface JobResults {
  sensitivity: SensitivityAnalysis;
  'break-even': BreakEvenAnalysis;
  separation: SeparationAnalysis;
  weighted: ProbabilityWeighted | null;
}

export type JobResult<J extends AnalysisJob> = JobResults[J['kind']];

/** Runs one job on a term sheet exported from the room's document. */
export function runJob<J extends AnalysisJob>(termsheet: unknown, job: J): JobResult<J> {
  switch (job.kind) {
    case 'sensitivity':
      return sensitivity(termsheet, {
        partyId: job.partyId,
        scenarioId: job.scenarioId,
        stepPct: job.stepPct,
      }) as JobResult<J>;
    case 'break-even':
      return breakEven(termsheet, { scenarioId: job.scenarioId }) as JobResult<J>;
    case 'separation':
      return separation(termsheet, {
        partyId: job.partyId,
        period: job.period,
        scenarioId: job.scenarioId,
      }) as JobResult<J>;
    case 'weighted': {
      const valid = validateTermSheet(termsheet).termsheet;
      return (
        valid === null ? null : probabilityWeighted(computeValue(valid), valid)
      ) as JobResult<J>;
    }
  }
  throw new Error('unknown analysis job');
}

export interface JobRequest {
  id: number;
  termsheet: unknown;
  job: AnalysisJob;
}

export type JobAnswer =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
