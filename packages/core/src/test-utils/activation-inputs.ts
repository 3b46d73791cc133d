/** Inputs and checks shared by the activation op tests. */
import { expect } from 'vitest';
import { grad } from '../autograd/grad';
import { tidy } from '../memory/tidy';
import { mul } from '../ops/mul';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { expectValuesClose, lossWeights, randomValues, tf } from './oracle';

/** Shapes for value checks: vectors, matrices, rank 3, a scalar and zero-size tensors. */
export const ACTIVATION_SHAPES: Array<{ shape: number[] }> = [[7], [3, 4], [2, 3, 4], [], [0], [2, 0, 3]].map(
  (shape) => ({ shape }),
);

/** Values where activations misbehave: signed zeros, the float32 extremes, overflow of exp, NaN and ±Inf. */
export const SPECIAL_VALUES: number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  1e-30,
  -1e-30,
  0.5,
  -0.5,
  1,
  -1,
  6,
  -6,
  20,
  -20,
  88,
  -88,
  100,
  -100,
  1e30,
  -1e30,
  3.4e38,
  -3.4e38,
];

/** Large finite inputs at which a composed activation's gradient must stay finite. */
export const LARGE_VALUES: number[] = [-1e30, -1e20, -1e4, -100, -50, 50, 100, 1e4, 1e20, 1e30];

/** Random float32 values in [low, high), each moved at least `margin` away from every kink (for finite differences). */
export function valuesAvoiding(
  size: number,
  random: () => number,
  low: number,
  high: number,
  kinks: number[],
  margin = 1e-2,
): number[] {
  return randomValues(size, random, low, high).map((value) => {
    for (const kink of kinks) {
      if (Math.abs(value - kink) < margin) return Math.fround(kink + (value < kink ? -margin : margin));
    }
    return value;
  });
}

/** The gradient of sum(op(x) · weights) at `values`, read back as a plain array. */
export function weightedGradient(
  op: (x: Tensor) => Tensor,
  values: number[],
  shape: number[] = [values.length],
): number[] {
  return tidy(() => {
    const weights = tensor(lossWeights(values.length), shape);
    return Array.from(grad((x) => sum(mul(op(x), weights)))(tensor(values, shape)).dataSync());
  });
}

/** Compares the gradient of sum(op(x) · weights) with tf.grad of the same loss, e.g. exactly at the kinks. */
export function expectGradientMatchesTf(
  op: (x: Tensor) => Tensor,
  tfOp: (x: tf.Tensor) => tf.Tensor,
  values: number[],
  tolerance = 1e-6,
): void {
  const actual = weightedGradient(op, values);
  const tfWeights = tf.tensor(lossWeights(values.length));
  const tfX = tf.tensor(values);
  const expected = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tfOp(x), tfWeights)))(tfX);
  expectValuesClose(actual, Array.from(expected.dataSync()), tolerance, tolerance);
  tf.dispose([tfWeights, tfX, expected]);
}

/** Gradients at large |x| are finite and equal to the op's limits `below` (x → −∞) and `above` (x → +∞). */
export function expectLimitGradients(op: (x: Tensor) => Tensor, below: number, above: number, tolerance = 1e-6): void {
  const values = LARGE_VALUES;
  const weights = lossWeights(values.length);
  const expected = values.map((value, index) => (value < 0 ? below : above) * weights[index]);
  const actual = weightedGradient(op, values);
  for (const value of actual) expect(Number.isFinite(value)).toBe(true);
  expectValuesClose(actual, expected, tolerance, tolerance);
}
