/**
 * Seeded randomness for the synthetic corpus: mulberry32 plus the sampling
 * helpers the generators need. Never uses `Math.random`, so the same seed
 * always gives the same corpus.
 */
import { hash32 } from '../../src/lib/text/text.js';

/** 32-bit FNV-1a hash of a string (used to turn seeds and labels into PRNG states): the importer's own hash. */
export const hashString = hash32;

/** A seeded pseudo-random stream (mulberry32) with sampling helpers. */
export class Rng {
  private state: number;

  /** @param seed any 32-bit integer (other numbers are truncated) */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /**
   * A Zipf-like index in [0, n): index r is drawn with probability close to
   * 1 / ((r + 1) ln(n + 1)), so index 0 is the most frequent. O(1) per draw.
   */
  zipf(n: number): number {
    if (n <= 1) return 0;
    const r = Math.floor(Math.pow(n + 1, this.next())) - 1;
    return r < 0 ? 0 : r >= n ? n - 1 : r;
  }

  /** An element of `list` drawn with Zipf-like weights (earlier elements are more frequent). */
  zipfPick<T>(list: readonly T[]): T {
    return list[this.zipf(list.length)] as T;
  }

  /**
   * A Pareto-distributed integer at least `min` and at most `max`:
   * P(value > x) = (min / x)^alpha, a heavy tail for small alpha.
   */
  pareto(min: number, max: number, alpha: number): number {
    const u = 1 - this.next(); // (0, 1]
    return Math.min(max, Math.floor(min / Math.pow(u, 1 / alpha)));
  }

  /** An independent stream derived from this one's seed history and a label. */
  fork(label: string): Rng {
    return new Rng(hashString(`${label}:${Math.floor(this.next() * 4294967296)}`));
  }
}

/** Turns a `--seed` argument (an integer or any text) into a 32-bit seed. */
export function seedFrom(value: string | number): number {
  if (typeof value === 'number') return value >>> 0;
  return /^\d+$/.test(value) ? Number(value) >>> 0 : hashString(value);
}
