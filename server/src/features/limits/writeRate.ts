// How many document changes a member may store per minute, all their connections together: a
// flood of tiny updates costs every other peer a relay and the store an append each.
import { UPDATE_BURST, UPDATES_PER_MINUTE } from '@parley/shared/protocol';
import type { RateLimiterFactory, RateLimitOptions } from '../../limits';
import type { RoomHook } from '../../rooms';

export function writeRateHook(
  limiters: RateLimiterFactory,
  options: RateLimitOptions = { burst: UPDATE_BURST, perMinute: UPDATES_PER_MINUTE },
): RoomHook {
  const limiter = limiters('document-writes', options);
  return {
    name: 'write-rate',
    async beforeWrite(room, write) {
      const waitMs = await limiter.take(`${room.id}\u0000${write.member.memberId}`);
      if (waitMs === 0) return null;
      return {
        code: 'rate-limited',
        message: `You are changing the document faster than ${options.perMinute} changes a minute; wait ${Math.ceil(waitMs / 1000)} s. This change was not saved.`,
      };
    },
  };
}
