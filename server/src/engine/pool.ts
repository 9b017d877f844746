// A pool of engine threads, so that computing a large sheet never blocks the event loop that
// relays edits and answers health checks. A thread that dies fails only the task it was running;
// a fresh one takes its place for the next.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { EngineResults, EngineTask } from './tasks';

/** The worker entry beside this module: the TypeScript sources through tsx, or the built file. */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./workerFromSources.mjs', import.meta.url)
    : new URL('./engineWorker.js', import.meta.url);
}

export class EngineCrashedError extends Error {}

interface Pending {
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  busy: number;
  pending: Map<number, Pending>;
}

export interface EngineOptions {
  /** Threads in the pool; default: the cores less one, at least one, at most four. */
  threads?: number;
  logger: Logger;
}

export class EnginePool {
  private readonly threads: (Thread | null)[];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: EngineOptions) {
    const count = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
    this.threads = Array.from({ length: count }, () => null);
  }

  /** Runs a task on the least busy thread. */
  run<T extends EngineTask>(task: T): Promise<EngineResults[T['kind']]> {
    if (this.closed) return Promise.reject(new Error('the engine pool is closed'));
    const index = this.leastBusy();
    const thread = (this.threads[index] ??= this.spawn(index));
    const id = this.nextId++;
    thread.busy++;
    return new Promise<EngineResults[T['kind']]>((resolve, reject) => {
      thread.pending.set(id, {
        resolve: (result) => resolve(result as EngineResults[T['kind']]),
        reject,
      });
      thread.worker.postMessage({ id, task });
    });
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.threads.length; i++) {
      if ((this.threads[i]?.busy ?? 0) < (this.threads[best]?.busy ?? 0)) best = i;
    }
    return best;
  }

  private spawn(index: number): Thread {
    const worker = new Worker(workerEntry());
    worker.unref();
    const thread: Thread = { worker, busy: 0, pending: new Map() };
    worker.on(
      'message',
      (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
        const pending = thread.pending.get(message.id);
        if (pending === undefined) return;
        thread.pending.delete(message.id);
        thread.busy--;
        if (message.ok) pending.resolve(message.result);
        else pending.reject(new Error(message.error ?? 'the engine task failed'));
      },
    );
    const fail = (why: unknown) => {
      if (this.threads[index] === thread) this.threads[index] = null;
      if (thread.pending.size === 0) return;
      this.options.logger.error({ err: why }, 'an engine thread stopped; its tasks failed');
      const error = new EngineCrashedError(
        `the engine thread stopped: ${why instanceof Error ? why.message : String(why)}`,
      );
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return thread;
  }

  /** Stops every thread; tasks still running fail. Used at shutdown, and to test recovery. */
  async terminateThreads(): Promise<void> {
    await Promise.all(
      this.threads.map(async (thread, index) => {
        if (thread === null) return;
        this.threads[index] = null;
        await thread.worker.terminate();
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.terminateThreads();
  }
}
