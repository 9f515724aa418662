/**
 * Helpers the test files share: seeded randomness (so failures reproduce) and reading the
 * reason of an expected EinopsError.
 */
import { expect } from 'vitest';
import { EinopsError } from '../src/errors';

/** mulberry32: a tiny seeded generator of numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** prng plus integers in [low, high) and random permutations of 0..n-1. */
export function makeRng(seed: number) {
  const next = prng(seed);
  const integer = (low: number, high: number): number => low + Math.floor(next() * (high - low));
  const permutation = (n: number): number[] => {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = integer(0, i + 1);
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    return p;
  };
  return { next, integer, permutation };
}

/** The `reason` of the EinopsError that `run` throws; fails the test if it throws nothing else. */
export function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EinopsError);
    return (error as EinopsError).reason;
  }
  throw new Error('expected an EinopsError');
}
