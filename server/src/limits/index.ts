// Limits shared by the transports and features: rate limits, kept where every instance sees them.
export { MemoryRateLimiter, memoryRateLimiters, takeFromBucket } from './rateLimiter';
export type { RateLimiter, RateLimiterFactory, RateLimitOptions } from './rateLimiter';
