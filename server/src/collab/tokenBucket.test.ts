// The token bucket behind the /collab rate limits: a burst is allowed, then refused until time
// refills it, and refilling never goes past the burst size.
import { describe, expect, it } from 'vitest';
import { createTokenBucket, takeToken } from './tokenBucket';

describe('token bucket', () => {
  it('allows a burst, refuses past it, and refills with time', () => {
    const bucket = createTokenBucket(10, 3, 0);
    expect([takeToken(bucket, 0), takeToken(bucket, 0), takeToken(bucket, 0)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(takeToken(bucket, 0)).toBe(false);
    expect(takeToken(bucket, 100)).toBe(true);
    expect(takeToken(bucket, 100)).toBe(false);
    // Refilling never exceeds the burst size.
    expect([1, 2, 3, 4].map(() => takeToken(bucket, 60_000))).toEqual([true, true, true, false]);
  });
});
