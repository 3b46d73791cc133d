/**
 * Test helpers shared by the op tests: seeded inputs, comparison with the tfjs oracle, and gradient checks
 * against central finite differences of a float64 reference written in the test.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { DType } from '../dtype';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { sizeFromShape } from '../util/shape';

await tf.setBackend('cpu');

export { tf };

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform values in [low, high) rounded to float32, as a plain array (usable by both libraries). */
export function randomValues(size: number, random: () => number, low = -2, high = 2): number[] {
  return Array.from({ length: size }, () => Math.fround(low + (high - low) * random()));
}

export function randomIntegers(size: number, random: () => number, low: number, high: number): number[] {
  return Array.from({ length: size }, () => low + Math.floor((high - low) * random()));
}

/** The same values as a Tessera tensor and a tfjs tensor. */
export function pair(values: number[], shape: number[], dtype: DType = 'float32'): [Tensor, tf.Tensor] {
  const tfValues = dtype === 'bool' ? values.map((value) => value !== 0) : values;
  return [
    tensor(dtype === 'bool' ? values.map((value) => value !== 0) : values, shape, dtype),
    tf.tensor(tfValues as number[], shape, dtype),
  ];
}

export function randomPair(shape: number[], random: () => number, low = -2, high = 2): [Tensor, tf.Tensor] {
  return pair(randomValues(sizeFromShape(shape), random, low, high), shape);
}

/** Same shape, same dtype, values within `atol + rtol·|expected|` (NaN must match NaN, ±Inf must match). */
export function expectMatchesTf(
  actual: Tensor,
  expected: tf.Tensor,
  tolerance: { rtol?: number; atol?: number } = {},
): void {
  const rtol = tolerance.rtol ?? 1e-5;
  const atol = tolerance.atol ?? 1e-5;
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe(expected.dtype);
  expectValuesClose(Array.from(actual.dataSync()), Array.from(expected.dataSync()), rtol, atol);
}

export function expectValuesClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol = 1e-5,
  atol = 1e-5,
): void {
  expect(actual.length).toBe(expected.length);
  for (let index = 0; index < expected.length; index++) {
    const want = expected[index];
    const got = actual[index];
    if (Number.isNaN(want)) {
      if (!Number.isNaN(got)) expect.fail(`index ${index}: expected NaN, got ${got}`);
      continue;
    }
    if (!Number.isFinite(want)) {
      if (got !== want) expect.fail(`index ${index}: expected ${want}, got ${got}`);
      continue;
    }
    if (Math.abs(got - want) > atol + rtol * Math.abs(want)) {
      expect.fail(`index ${index}: expected ${want}, got ${got} (rtol ${rtol}, atol ${atol})`);
    }
  }
}

/**
 * Central differences of a float64 scalar function `reference(inputs)` at `inputs` (each a flat array).
 * Returns one gradient array per input.
 */
export function numericGradients(
  reference: (inputs: Float64Array[]) => number,
  inputs: ReadonlyArray<ArrayLike<number>>,
  epsilon = 1e-5,
): Float64Array[] {
  const points = inputs.map((values) => Float64Array.from(values));
  return points.map((point) => {
    const gradient = new Float64Array(point.length);
    for (let index = 0; index < point.length; index++) {
      const original = point[index];
      point[index] = original + epsilon;
      const above = reference(points);
      point[index] = original - epsilon;
      const below = reference(points);
      point[index] = original;
      gradient[index] = (above - below) / (2 * epsilon);
    }
    return gradient;
  });
}

/** A fixed random weighting of an op's output, so that a scalar loss exercises every output element. */
export function lossWeights(size: number, seed = 7): number[] {
  return randomValues(size, seededRandom(seed), -1, 1);
}
