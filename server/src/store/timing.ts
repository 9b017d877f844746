// Times each core store call for the latency histogram, without letting the metric fail a write.
import type { Store } from './store';

/** Called once per Store method call with its name, its duration and whether it resolved. */
export type QueryTimer = (op: string, ms: number, ok: boolean) => void;

const timedMethods = [
  'migrate',
  'createRoom',
  'getRoom',
  'appendUpdate',
  'loadDoc',
  'loadDocSince',
  'latestSeqs',
  'compact',
  'listClauseChanges',
  'createMember',
  'getMember',
  'listMembers',
  'revokeMember',
  'createInvitation',
  'getSeatedMember',
  'listSeatedMembers',
  'claimSeat',
  'noteSeatReuse',
  'updateMember',
  'setConsent',
  'listConsents',
] as const satisfies readonly (keyof Store)[];

function report(onQuery: QueryTimer, op: string, started: number, ok: boolean): void {
  try {
    onQuery(op, performance.now() - started, ok);
  } catch {
    // A failing metrics hook must not turn a committed write into a reported failure.
  }
}

function timed<A extends unknown[], R>(
  op: string,
  fn: (...args: A) => Promise<R>,
  onQuery: QueryTimer,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const started = performance.now();
    try {
      const result = await fn(...args);
      report(onQuery, op, started, true);
      return result;
    } catch (error) {
      report(onQuery, op, started, false);
      throw error;
    }
  };
}

export function withTiming(store: Store, onQuery: QueryTimer): Store {
  const wrapped: Store = { ...store };
  for (const op of timedMethods) {
    const fn = store[op] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[op] = timed(op, fn.bind(store), onQuery);
  }
  return wrapped;
}
