import { describe, expect, it } from 'vitest';
import { memory } from '../memory/memory';
import { cos } from '../ops/cos';
import { mul } from '../ops/mul';
import { pow } from '../ops/pow';
import { sin } from '../ops/sin';
import { sum } from '../ops/sum';
import { tanh } from '../ops/tanh';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { expectMatchesTf, expectValuesClose, pair, tf } from '../test-utils/oracle';
import { grad } from './grad';
import { grads } from './grads';

const points = [-2, -0.5, 0, 0.75, 1.5, 3];

describe('higher-order gradients', () => {
  it('grad(grad(x³)) = 6x', () => {
    const x = tensor(points);
    const second = grad(grad((input) => mul(mul(input, input), input)))(x);
    expectValuesClose(
      second.dataSync(),
      points.map((value) => 6 * value),
      1e-5,
      1e-4,
    );
  });

  it('grad(grad(pow(x, 3))) = 6x, matching tf', () => {
    const [x, xTf] = pair(
      points.filter((value) => value > 0),
      [3],
    );
    const second = grad(grad((input) => pow(input, 3)))(x);
    const expected = tf.grad(tf.grad((input: tf.Tensor) => tf.pow(input, 3)))(xTf);
    expectMatchesTf(second, expected, { rtol: 1e-4 });
  });

  it('derivatives of sin cycle through cos, -sin, -cos', () => {
    const x = tensor(points);
    const first = grad((input) => sin(input))(x);
    const second = grad(grad((input) => sin(input)))(x);
    const third = grad(grad(grad((input) => sin(input))))(x);
    expectValuesClose(first.dataSync(), points.map(Math.cos), 1e-5, 1e-6);
    expectValuesClose(
      second.dataSync(),
      points.map((value) => -Math.sin(value)),
      1e-5,
      1e-6,
    );
    expectValuesClose(
      third.dataSync(),
      points.map((value) => -Math.cos(value)),
      1e-5,
      1e-6,
    );
  });

  it('second derivative of tanh(x)·cos(x) matches the analytic one', () => {
    // tf.grad(tf.grad(...)) is not the oracle here: tfjs's tanh gradient reads a saved copy of the output that is
    // not connected to x on its tape, so its second derivative of tanh is wrong.
    const x = tensor(points);
    const second = grad(grad((input) => mul(tanh(input), cos(input))))(x);
    const expected = points.map((value) => {
      const t = Math.tanh(value);
      const slope = 1 - t * t;
      return -2 * t * slope * Math.cos(value) - 2 * slope * Math.sin(value) - t * Math.cos(value);
    });
    expectValuesClose(second.dataSync(), expected, 1e-4, 1e-5);
  });

  it('mixed partial derivatives: d/da of (d/db of a²b³) = 6ab²', () => {
    const a = tensor([1, 2, -1]);
    const b = tensor([3, -1, 0.5]);
    const mixed = grads(
      (left: Tensor, right: Tensor) =>
        grads((innerLeft: Tensor, innerRight: Tensor) => mul(mul(innerLeft, innerLeft), pow(innerRight, 3)))([
          left,
          right,
        ])[1],
    )([a, b])[0];
    expectValuesClose(mixed.dataSync(), [54, 12, -1.5], 1e-5, 1e-5);
  });

  it('leaves only the result behind', () => {
    const x = tensor([1, 2]);
    const before = memory().numTensors;
    const second = grad(grad((input) => sum(mul(mul(input, input), input))))(x);
    expect(memory().numTensors).toBe(before + 1);
    second.dispose();
  });
});
