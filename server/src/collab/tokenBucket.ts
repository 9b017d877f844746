// A token bucket: the message and byte rate limits of a /collab connection, which is closed once
// its client sends faster than the bucket refills.
export interface TokenBucket {
  capacity: number;
  perSecond: number;
  tokens: number;
  updatedAt: number;
}

export function createTokenBucket(perSecond: number, capacity: number, now: number): TokenBucket {
  return { capacity, perSecond, tokens: capacity, updatedAt: now };
}

/** Refills by the time elapsed, then takes `cost` tokens; false (taking none) when too few are left. */
export function takeToken(bucket: TokenBucket, now: number, cost = 1): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(bucket.capacity, bucket.tokens + elapsed * bucket.perSecond);
  bucket.updatedAt = now;
  if (bucket.tokens < cost) return false;
  bucket.tokens -= cost;
  return true;
}
