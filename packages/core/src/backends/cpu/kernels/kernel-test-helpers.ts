/** Shared helpers for the CPU kernel tests: seeded inputs and tolerant compares. */
import { expect } from 'vitest';

/** A small deterministic generator (mulberry32) so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform values in [-1, 1) rounded to float32, returned as float64 for the references. */
export function randomValues(random: () => number, size: number): Float64Array {
  const values = new Float64Array(size);
  for (let index = 0; index < size; index++) values[index] = Math.fround(random() * 2 - 1);
  return values;
}

/** Element-wise |actual - expected| ≤ absolute + relative·|expected|, reporting the first mismatch. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  relative = 1e-5,
  absolute = 1e-5,
): void {
  expect(actual.length).toBe(expected.length);
  for (let index = 0; index < expected.length; index++) {
    const difference = Math.abs(actual[index] - expected[index]);
    if (!(difference <= absolute + relative * Math.abs(expected[index]))) {
      expect.fail(`element ${index}: got ${actual[index]}, expected ${expected[index]} (difference ${difference})`);
    }
  }
}
