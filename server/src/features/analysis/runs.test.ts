// Analyses in flight: identical questions share one computation and its answer, a member waits for
// its own before starting another, and a failed computation leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors';
import { AnalysisRuns } from './runs';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('analysis runs', () => {
  it('shares one computation between identical questions, and keeps its answer', async () => {
    const runs = new AnalysisRuns();
    const work = deferred<number>();
    let computed = 0;
    const compute = () => {
      computed++;
      return work.promise;
    };
    const a = runs.run('k', 'ann', compute);
    const b = runs.run('k', 'bob', compute);
    work.resolve(42);
    expect(await Promise.all([a, b])).toEqual([42, 42]);
    expect(await runs.run('k', 'carl', compute)).toBe(42);
    expect(computed).toBe(1);
  });

  it('refuses a member a second computation while the first runs, then allows it', async () => {
    const runs = new AnalysisRuns();
    const work = deferred<number>();
    const first = runs.run('k1', 'ann', () => work.promise);
    const second = runs.run('k2', 'ann', () => Promise.resolve(2));
    await expect(second).rejects.toMatchObject({ status: 429, code: 'rate-limited' });
    await expect(second).rejects.toBeInstanceOf(ServiceError);
    expect(await runs.run('k2', 'bob', () => Promise.resolve(2))).toBe(2);
    work.resolve(1);
    expect(await first).toBe(1);
    expect(await runs.run('k3', 'ann', () => Promise.resolve(3))).toBe(3);
  });

  it('forgets a computation that failed, so the next question computes again', async () => {
    const runs = new AnalysisRuns();
    await expect(
      runs.run('k', 'ann', () => Promise.reject(new Error('thread died'))),
    ).rejects.toThrow('thread died');
    expect(await runs.run('k', 'ann', () => Promise.resolve(5))).toBe(5);
  });
});
