// What the comments services need, and the few things they share: a strictly increasing clock,
// the per-member rate limit and the rule that only commenters write.
import type { Logger } from 'pino';
import { can } from '@parley/shared/permissions';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { RoomBroadcaster } from '../../realtime';
import type { RoomRuntime } from '../../rooms';
import type { DocStore, MemberStore } from '../../store/types';
import type { RateLimiterFactory, RateLimitOptions } from '../../limits';
import type { CommentStore } from './storeTypes';

export interface CommentsDeps {
  logger: Logger;
  store: CommentStore & MemberStore & Pick<DocStore, 'listClauseChanges'>;
  rooms: Pick<RoomRuntime, 'getDoc'>;
  broadcast: RoomBroadcaster;
  now(): number;
  rateLimit: RateLimitOptions;
  /** Where the buckets live: this process, or a store every instance shares. */
  limiters: RateLimiterFactory;
}

export interface CommentsContext extends CommentsDeps {
  /** Strictly increasing times, so "after my read marker" is never ambiguous. */
  tick(): number;
  /** Refuses a member writing faster than the rate limit allows. */
  limit(member: MemberClaims): Promise<void>;
  /** Set while the server stops: connections closing then are not visits ending. */
  stopped: boolean;
}

export function createCommentsContext(deps: CommentsDeps): CommentsContext {
  const limiter = deps.limiters('comments', deps.rateLimit);
  let lastAt = 0;
  return {
    ...deps,
    stopped: false,
    tick() {
      lastAt = Math.max(deps.now(), lastAt + 1);
      return lastAt;
    },
    async limit(member) {
      const waitMs = await limiter.take(`${member.roomId}\u0000${member.memberId}`);
      if (waitMs > 0) {
        throw new ServiceError(
          429,
          'rate-limited',
          `You are commenting too fast; try again in ${Math.ceil(waitMs / 1000)} s.`,
          { retryAfterMs: waitMs },
        );
      }
    },
  };
}

export function requireCommenter(member: MemberClaims): void {
  if (!can(member.role, 'comment')) {
    throw new ServiceError(403, 'forbidden', 'Observers may read comments but not write them.');
  }
}
