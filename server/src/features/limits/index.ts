// Limits on what one member's writes may cost everyone else: the size of a room's document and
// the rate of stored changes per member.
import type { Feature } from '../../feature';
import type { RateLimiterFactory, RateLimitOptions } from '../../limits';
import { docSizeHook } from './docSize';
import { writeRateHook } from './writeRate';

export interface LimitsFeatureOptions {
  limiters: RateLimiterFactory;
  maxDocBytes?: number;
  writeRate?: RateLimitOptions;
}

export function createLimitsFeature(options: LimitsFeatureOptions): Feature {
  return {
    name: 'limits',
    // The rate first: a member over it is refused before anything looks at the write.
    hooks: [writeRateHook(options.limiters, options.writeRate), docSizeHook(options.maxDocBytes)],
  };
}
