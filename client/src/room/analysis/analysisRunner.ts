// Sends analysis jobs to the Web Worker and hands back their answers; where a browser has no
// workers, the job runs after the current frame instead, so a keystroke is still drawn first.
import { runJob } from './jobs';
import type { AnalysisJob, JobAnswer, JobResult } from './jobs';

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class AnalysisRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private destroyed = false;

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    if (typeof Worker === 'undefined') return;
    try {
      const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), {
        type: 'module',
        name: 'parley-analysis',
      });
      worker.onmessage = (event: MessageEvent<JobAnswer>) => this.answer(event.data);
      // A worker that fails fails the jobs it held; a fresh one takes the next.
      worker.onerror = () => {
        worker.terminate();
        this.worker = null;
        this.failAll('The analysis stopped unexpectedly; it runs again on the next change.');
        if (!this.destroyed) this.spawn();
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
  }

  run<J extends AnalysisJob>(termsheet: unknown, job: J): Promise<JobResult<J>> {
    if (this.destroyed) return Promise.reject(new Error('The analyses were closed.'));
    const id = this.nextId++;
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.pending.set(id, { resolve: (r) => resolve(r as JobResult<J>), reject });
      if (this.worker) {
        this.worker.postMessage({ id, termsheet, job });
        return;
      }
      setTimeout(() => {
        try {
          this.answer({ id, ok: true, result: runJob(termsheet, job) });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.answer({ id, ok: false, error: message });
        }
      }, 0);
    });
  }

  private answer(message: JobAnswer): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  }

  private failAll(why: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(why));
    this.pending.clear();
  }

  destroy(): void {
    this.destroyed = true;
    this.worker?.terminate();
    this.worker = null;
    this.failAll('The analyses were closed.');
  }
}
