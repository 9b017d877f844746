// A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) and normal
// variates from it. Pure 32-bit integer arithmetic and the deterministic math of det-math.ts,
// so the same seed gives the same sequence in every JavaScript engine.
import { detLn, detSqrt } from './det-math';

export interface Prng {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform number in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A standard normal variate (mean 0, standard deviation 1). */
  nextNormal(): number;
}

/** The largest seed; seeds are integers from 0 to 2^32 − 1. */
export const MAX_SEED = 0xffffffff;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a text: a stable 32-bit name for a random stream. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A generator for `seed` (an integer 0..2^32 − 1) and a named stream: different streams of one
 * seed are independent, and a stream does not depend on which other streams were drawn.
 */
export function createPrng(seed: number, stream = ''): Prng {
  const mix = splitmix32((seed >>> 0) ^ hash32(stream));
  return prngFromState([mix(), mix(), mix(), mix()]);
}

/** xoshiro128** from its four 32-bit state words (not all 0). */
export function prngFromState(state: readonly [number, number, number, number]): Prng {
  let [s0, s1, s2, s3] = state.map((w) => w >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spare: number | null = null;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
  const nextFloat = (): number => {
    const high = nextUint32() >>> 5; // 27 bits
    const low = nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  };
  // Marsaglia's polar method: two normals per accepted point of the unit disc.
  const nextNormal = (): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    for (;;) {
      const u = 2 * nextFloat() - 1;
      const v = 2 * nextFloat() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = detSqrt((-2 * detLn(s)) / s);
      spare = v * f;
      return u * f;
    }
  };
  return { nextUint32, nextFloat, nextNormal };
}
