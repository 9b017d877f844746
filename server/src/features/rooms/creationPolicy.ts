// Who may create a room: on a public server only whoever holds the creation token, and from any
// one address at most a few rooms an hour, so nobody fills the disk with empty rooms.
import { timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../../errors';
import type { RateLimiter } from '../../limits';

export interface CreationPolicy {
  mode: 'open' | 'token';
  token: string | null;
  /** Keyed by the caller's address. */
  limiter: RateLimiter;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Throws the refusal a caller gets, or returns when they may create a room now. */
export async function checkRoomCreation(
  policy: CreationPolicy,
  caller: { address: string; bearer: string | null },
): Promise<void> {
  if (policy.mode === 'token') {
    if (caller.bearer === null) {
      throw new ServiceError(
        401,
        'creation-token-required',
        'This server creates rooms only for holders of its room-creation token: send it as "Authorization: Bearer <token>".',
      );
    }
    if (policy.token === null || !sameSecret(caller.bearer, policy.token)) {
      throw new ServiceError(
        403,
        'creation-token-invalid',
        'This room-creation token is not valid.',
      );
    }
  }
  const waitMs = await policy.limiter.take(caller.address);
  if (waitMs > 0) {
    throw new ServiceError(
      429,
      'rate-limited',
      `Too many rooms created from your address; try again in ${Math.ceil(waitMs / 1000)} s.`,
      { retryAfterMs: waitMs },
    );
  }
}
