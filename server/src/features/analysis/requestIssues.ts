// An analysis answers a question it cannot take (an unknown scenario, an option out of range) with
// an issue and no result; over REST and Socket.IO that is the caller's mistake, refused by name.
import type { Issue } from '@parley/shared/termsheet';
import { ServiceError } from '../../errors';

const refusals: Partial<Record<string, { status: number; code: string }>> = {
  'unknown-scenario': { status: 404, code: 'not-found' },
  'unknown-party': { status: 404, code: 'not-found' },
  'invalid-option': { status: 400, code: 'invalid-payload' },
};

/** Throws for the first issue about what was asked; the sheet's own issues travel with the result. */
export function refuseBadRequest(issues: readonly Issue[]): void {
  for (const issue of issues) {
    const refusal = refusals[issue.code];
    if (issue.severity === 'error' && refusal !== undefined) {
      throw new ServiceError(refusal.status, refusal.code, issue.message);
    }
  }
}
