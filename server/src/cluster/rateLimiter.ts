// Rate-limit buckets kept in Redis, so that a member's write rate and an address's room creations
// are limited across every instance. One atomic script refills and takes a token on Redis's own
// clock. When Redis cannot answer, this instance's own buckets decide (availability first) and
// the fallback is logged once per outage.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { MemoryRateLimiter } from '../limits';
import type { RateLimiter, RateLimiterFactory, RateLimitOptions } from '../limits';
import type { RedisConnection } from './redis';

/** KEYS[1] bucket; ARGV burst, tokens per ms. Returns the ms to wait (0: taken). */
const TAKE_TOKEN = `
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) / per_ms)
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms) + 1000)
return wait
`;
const TAKE_TOKEN_SHA = createHash('sha1').update(TAKE_TOKEN).digest('hex');

export function bucketKey(name: string, key: string): string {
  return `parley:rate:${name}:${key}`;
}

export function redisRateLimiters(
  client: RedisConnection,
  logger: Logger,
  now: () => number,
): RateLimiterFactory {
  let failing = false;
  const fallback = (error: unknown): void => {
    if (failing) return;
    failing = true;
    logger.warn(
      { err: error },
      'rate limits fall back to this instance’s own buckets while Redis is unreachable',
    );
  };
  return (name: string, options: RateLimitOptions): RateLimiter => {
    const local = new MemoryRateLimiter(options, now);
    const args = [String(options.burst), String(options.perMinute / 60_000)];
    return {
      async take(key) {
        if (!client.isReady) {
          fallback(new Error('Redis is not connected'));
          return local.takeNow(key);
        }
        const keys = [bucketKey(name, key)];
        try {
          let reply: unknown;
          try {
            reply = await client.evalSha(TAKE_TOKEN_SHA, { keys, arguments: args });
          } catch (error) {
            if (!String(error).includes('NOSCRIPT')) throw error;
            reply = await client.eval(TAKE_TOKEN, { keys, arguments: args });
          }
          failing = false;
          return Number(reply);
        } catch (error) {
          fallback(error);
          return local.takeNow(key);
        }
      },
    };
  };
}
