// Token buckets: how fast a member (or an address) may do something, answering with how long to
// wait when the bucket is empty. The interface is asynchronous so that the buckets can live in a
// store shared by several instances; this file holds the in-process one.

export interface RateLimitOptions {
  /** Actions allowed in a burst. */
  burst: number;
  /** Steady rate the bucket refills at. */
  perMinute: number;
}

/** One bucket per key; `take` answers the ms to wait when the bucket is empty (0: allowed). */
export interface RateLimiter {
  take(key: string): Promise<number>;
}

/** Makes the limiter of one named limit (`comments`, `rooms`…) with its options. */
export type RateLimiterFactory = (name: string, options: RateLimitOptions) => RateLimiter;

/** Refills a bucket to `now` and takes one token if there is one; mutates `bucket`. */
export function takeFromBucket(
  bucket: { tokens: number; at: number },
  options: RateLimitOptions,
  now: number,
): number {
  const perMs = options.perMinute / 60_000;
  bucket.tokens = Math.min(options.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
  bucket.at = now;
  if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / perMs);
  bucket.tokens -= 1;
  return 0;
}

/**
 * Buckets in this process's memory: right for a single instance. Idle full buckets are dropped
 * once there are many, so the map stays bounded by the active keys.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  take(key: string): Promise<number> {
    return Promise.resolve(this.takeNow(key));
  }

  /** The same, synchronously, for callers on a hot path. */
  takeNow(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    const wait = takeFromBucket(bucket, this.options, now);
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    return wait;
  }

  private sweep(now: number): void {
    const perMs = this.options.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.options.burst) this.buckets.delete(key);
    }
  }
}

/** The factory of in-process limiters. */
export function memoryRateLimiters(now: () => number): RateLimiterFactory {
  return (_name, options) => new MemoryRateLimiter(options, now);
}
