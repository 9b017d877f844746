// Runs one analysis job on the room's sheet in the worker, again after each edit once typing
// pauses; the previous answer stays on screen meanwhile, marked as updating.
import { useEffect, useState } from 'react';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { exportTermSheet } from '../roomDoc';
import type { AnalysisRunner } from './analysisRunner';
import type { AnalysisJob, JobResult } from './jobs';

/** How long edits must pause before the analyses run again. */
export const ANALYSIS_DEBOUNCE_MS = 400;

export interface JobState<T> {
  data: T | null;
  pending: boolean;
  error: string | null;
}

export function useSheetJob<J extends AnalysisJob>(
  runner: AnalysisRunner,
  job: J | null,
): JobState<JobResult<J>> {
  const { session, model } = useRoom();
  const revision = useStore(model.state, (s) => s.revision);
  const [state, setState] = useState<JobState<JobResult<J>>>({
    data: null,
    pending: job !== null,
    error: null,
  });
  const key = job === null ? null : JSON.stringify(job);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      runner
        .run(exportTermSheet(session.doc), JSON.parse(key) as J)
        .then((data) => {
          if (current) setState({ data, pending: false, error: null });
        })
        .catch((error: unknown) => {
          if (current)
            setState((s) => ({
              ...s,
              pending: false,
              error: error instanceof Error ? error.message : String(error),
            }));
        });
    }, ANALYSIS_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, revision, runner, session]);

  return state;
}
