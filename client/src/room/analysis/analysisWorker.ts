// The Web Worker that runs this browser's analyses, one job at a time, off the thread that draws
// the page and takes keystrokes.
import { runJob } from './jobs';
import type { JobAnswer, JobRequest } from './jobs';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobAnswer): void;
};

scope.onmessage = (event) => {
  const { id, termsheet, job } = event.data;
  try {
    scope.postMessage({ id, ok: true, result: runJob(termsheet, job) });
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
