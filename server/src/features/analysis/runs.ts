// Analyses in flight and just answered: members asking the same question of the same document
// share one computation, and each member has at most one computation of its own running, so that
// nobody can fill the engine threads a room's proposals and sign-offs also need.
import { ServiceError } from '../../errors';

/** Answers kept for repeated questions; the key holds the document's hash, so none goes stale. */
const KEPT_ANSWERS = 64;

export class AnalysisRuns {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly answered = new Map<string, unknown>();
  private readonly busy = new Set<string>();

  /**
   * The answer to `key`: one just given, or the computation already running for it, or `compute`
   * started for `memberId`, refused while that member still waits for another one.
   */
  async run<T>(key: string, memberId: string, compute: () => Promise<T>): Promise<T> {
    if (this.answered.has(key)) {
      const answer = this.answered.get(key) as T;
      // Most recently used last, so the oldest answer is the first to go.
      this.answered.delete(key);
      this.answered.set(key, answer);
      return answer;
    }
    const running = this.running.get(key);
    if (running !== undefined) return running as Promise<T>;
    if (this.busy.has(memberId)) {
      throw new ServiceError(
        429,
        'rate-limited',
        'Your previous analysis is still running; ask again once it has finished.',
      );
    }
    this.busy.add(memberId);
    const promise = compute();
    this.running.set(key, promise);
    try {
      const answer = await promise;
      this.keep(key, answer);
      return answer;
    } finally {
      this.busy.delete(memberId);
      this.running.delete(key);
    }
  }

  private keep(key: string, answer: unknown): void {
    this.answered.set(key, answer);
    while (this.answered.size > KEPT_ANSWERS) {
      const oldest = this.answered.keys().next().value;
      if (oldest === undefined) break;
      this.answered.delete(oldest);
    }
  }
}
