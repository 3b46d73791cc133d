import { describe, expect, it } from 'vitest';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { add } from '../ops/add';
import { broadcastTo } from '../ops/broadcast-to';
import { matmul } from '../ops/matmul';
import { mul } from '../ops/mul';
import { reshape } from '../ops/reshape';
import { sin } from '../ops/sin';
import { square } from '../ops/square';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import { tanh } from '../ops/tanh';
import { tensor } from '../ops/tensor';
import { transpose } from '../ops/transpose';
import type { Tensor } from '../tensor';
import {
  expectMatchesTf,
  expectValuesClose,
  lossWeights,
  numericGradients,
  pair,
  randomPair,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { grad } from './grad';
import { grads } from './grads';

describe('gradient accumulation and unused inputs', () => {
  it('sums the contributions of an input used several times', () => {
    const [x, xTf] = pair([0.5, -1.5, 2], [3]);
    // x enters through three paths: x·x, sin(x) and x again.
    const f = (input: Tensor) => sum(add(add(mul(input, input), sin(input)), mul(input, 3)));
    const fTf = (input: tf.Tensor) => tf.sum(tf.add(tf.add(tf.mul(input, input), tf.sin(input)), tf.mul(input, 3)));
    const gradient = grad(f)(x);
    expectMatchesTf(gradient, tf.grad(fTf)(xTf));
    expectValuesClose(
      gradient.dataSync(),
      [0.5, -1.5, 2].map((value) => 2 * value + Math.cos(value) + 3),
    );
  });

  it('accumulates when the same tensor is passed as two arguments', () => {
    const x = tensor([2, 3]);
    const [first, second] = grads((a: Tensor, b: Tensor) => sum(mul(a, b)))([x, x]);
    // Both arguments are the same tensor, so each gets the full derivative of x·x: 2x.
    expect(Array.from(first.dataSync())).toEqual([4, 6]);
    expect(Array.from(second.dataSync())).toEqual([4, 6]);
  });

  it('gives zeros of the right shape and dtype to an unused input', () => {
    const used = tensor([1, 2]);
    const unused = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const [usedGradient, unusedGradient] = grads((a: Tensor, _b: Tensor) => sum(square(a)))([used, unused]);
    expect(Array.from(usedGradient.dataSync())).toEqual([2, 4]);
    expect(unusedGradient.shape).toEqual([2, 3]);
    expect(unusedGradient.dtype).toBe('float32');
    expect(Array.from(unusedGradient.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives zeros when the result is a constant', () => {
    const x = tensor([1, 2, 3]);
    const gradient = grad(() => tensor(5))(x);
    expect(Array.from(gradient.dataSync())).toEqual([0, 0, 0]);
  });
});

describe('gradients through shape ops', () => {
  it('reshape → transpose → broadcast → matmul matches tf and finite differences', () => {
    const random = seededRandom(31);
    const [x, xTf] = randomPair([6], random);
    const [w, wTf] = randomPair([3, 4, 2], random);
    const lossValues = lossWeights(4 * 3 * 2, 5);
    const [weights, weightsTf] = pair(lossValues, [4, 3, 2]);
    // x: [6] → [2,3] → [3,2] → broadcast to [4,3,2]; w: [3,4,2] → [4,3,2]; then an element-wise product with tanh.
    const f = (input: Tensor, other: Tensor) =>
      sum(
        mul(tanh(mul(broadcastTo(transpose(reshape(input, [2, 3])), [4, 3, 2]), transpose(other, [1, 0, 2]))), weights),
      );
    const fTf = (input: tf.Tensor, other: tf.Tensor) =>
      tf.sum(
        tf.mul(
          tf.tanh(
            tf.mul(tf.broadcastTo(tf.transpose(tf.reshape(input, [2, 3])), [4, 3, 2]), tf.transpose(other, [1, 0, 2])),
          ),
          weightsTf,
        ),
      );
    const [gradientX, gradientW] = grads(f)([x, w]);
    const [expectedX, expectedW] = tf.grads(fTf)([xTf, wTf]);
    expectMatchesTf(gradientX, expectedX, { rtol: 1e-4, atol: 1e-5 });
    expectMatchesTf(gradientW, expectedW, { rtol: 1e-4, atol: 1e-5 });

    const reference = ([xValues, wValues]: Float64Array[]) => {
      let total = 0;
      for (let batch = 0; batch < 4; batch++) {
        for (let row = 0; row < 3; row++) {
          for (let column = 0; column < 2; column++) {
            // transpose(reshape(x,[2,3]))[row][column] = x[column*3 + row]; transpose(w,[1,0,2])[batch][row][column] = w[row][batch][column].
            const product = xValues[column * 3 + row] * wValues[row * 8 + batch * 2 + column];
            total += Math.tanh(product) * lossValues[batch * 6 + row * 2 + column];
          }
        }
      }
      return total;
    };
    const [numericX, numericW] = numericGradients(reference, [Array.from(x.dataSync()), Array.from(w.dataSync())]);
    expectValuesClose(gradientX.dataSync(), numericX, 1e-3, 1e-4);
    expectValuesClose(gradientW.dataSync(), numericW, 1e-3, 1e-4);
  });

  it('broadcasting in binary ops reduces the gradient back to each operand shape', () => {
    const random = seededRandom(32);
    const [a, aTf] = randomPair([2, 1, 3], random);
    const [b, bTf] = randomPair([4, 1], random);
    const [weights, weightsTf] = pair(lossWeights(24, 9), [2, 4, 3]);
    const [gradientA, gradientB] = grads((left: Tensor, right: Tensor) =>
      sum(mul(mul(sub(left, right), left), weights)),
    )([a, b]);
    const [expectedA, expectedB] = tf.grads((left: tf.Tensor, right: tf.Tensor) =>
      tf.sum(tf.mul(tf.mul(tf.sub(left, right), left), weightsTf)),
    )([aTf, bTf]);
    expect(gradientA.shape).toEqual([2, 1, 3]);
    expect(gradientB.shape).toEqual([4, 1]);
    expectMatchesTf(gradientA, expectedA, { rtol: 1e-4 });
    expectMatchesTf(gradientB, expectedB, { rtol: 1e-4 });
  });

  it('a two-layer network gradient matches tf.grads', () => {
    const random = seededRandom(33);
    const [input, inputTf] = randomPair([5, 3], random);
    const [w1, w1Tf] = randomPair([3, 4], random);
    const [b1, b1Tf] = randomPair([4], random);
    const [w2, w2Tf] = randomPair([4, 2], random);
    const f = (first: Tensor, bias: Tensor, second: Tensor) =>
      sum(square(matmul(tanh(add(matmul(input, first), bias)), second)));
    const fTf = (first: tf.Tensor, bias: tf.Tensor, second: tf.Tensor) =>
      tf.sum(
        tf.square(
          tf.matMul(
            tf.tanh(tf.add(tf.matMul(inputTf as tf.Tensor2D, first as tf.Tensor2D), bias)) as tf.Tensor2D,
            second as tf.Tensor2D,
          ),
        ),
      );
    const result = grads(f)([w1, b1, w2]);
    const expected = tf.grads(fTf)([w1Tf, b1Tf, w2Tf]);
    result.forEach((gradient, index) => {
      expectMatchesTf(gradient, expected[index], { rtol: 1e-4, atol: 1e-5 });
    });
  });
});

describe('tidy inside a function being differentiated', () => {
  it('keeps what the tape still needs until backpropagation is done', () => {
    const [x, xTf] = pair([0.5, -1, 2], [3]);
    // The inner tidy would dispose sin(x), which the gradient of square reads.
    const gradient = grad((input) => sum(tidy(() => square(sin(input)))))(x);
    const expected = tf.grad((input: tf.Tensor) => tf.sum(tf.square(tf.sin(input))))(xTf);
    expectMatchesTf(gradient, expected);
  });

  it('still frees those tensors once the gradient is computed', () => {
    const x = tensor([0.5, -1, 2]);
    const before = memory().numTensors;
    const gradient = grad((input) => sum(tidy(() => mul(square(sin(input)), tanh(input)))))(x);
    expect(memory().numTensors).toBe(before + 1);
    gradient.dispose();
  });
});
