// How fast a member may write comments: a token bucket per member of a room, refilled per minute,
// answering with how long to wait when it is empty.
export interface RateLimitOptions {
  /** Writes allowed in a burst. */
  burst: number;
  /** Steady rate the bucket refills at. */
  perMinute: number;
}

/**
 * One token bucket per key (a member of a room), shared by every transport so a member cannot
 * double their allowance by switching from Socket.IO to REST. Idle full buckets are dropped.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  /** Takes one token; returns the ms to wait when there is none (0 when allowed). */
  take(key: string): number {
    const now = this.now();
    const perMs = this.options.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return Math.ceil((1 - bucket.tokens) / perMs);
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now, perMs);
    return 0;
  }

  private sweep(now: number, perMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.options.burst) this.buckets.delete(key);
    }
  }
}
