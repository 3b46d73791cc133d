import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { add } from '../ops/add';
import { matmul } from '../ops/matmul';
import { mul } from '../ops/mul';
import { sin } from '../ops/sin';
import { square } from '../ops/square';
import { sum } from '../ops/sum';
import { tanh } from '../ops/tanh';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import {
  expectMatchesTf,
  expectValuesClose,
  lossWeights,
  pair,
  randomPair,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { grad } from './grad';
import { grads } from './grads';
import { valueAndGrad } from './value-and-grad';
import { valueAndGrads } from './value-and-grads';

describe('grad', () => {
  it('matches tf.grad for a scalar loss of several element-wise ops', () => {
    const random = seededRandom(1);
    const [x, xTf] = randomPair([3, 4], random);
    const [weights, weightsTf] = pair(lossWeights(12), [3, 4]);
    const gradient = grad((input) => sum(mul(mul(sin(input), square(input)), weights)))(x);
    const expected = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(tf.mul(tf.sin(input), tf.square(input)), weightsTf)))(
      xTf,
    );
    expectMatchesTf(gradient, expected);
  });

  it('treats a non-scalar result as the sum of its elements, and scales by dy when given', () => {
    const [x, xTf] = pair([0.5, -1, 2, 3], [2, 2]);
    const [dy, dyTf] = pair([1, 2, -3, 0.25], [2, 2]);
    const f = (input: Tensor) => tanh(input);
    const fTf = (input: tf.Tensor) => tf.tanh(input);
    expectMatchesTf(grad(f)(x), tf.grad(fTf)(xTf));
    expectMatchesTf(grad(f)(x, dy), tf.grad(fTf)(xTf, dyTf));
  });

  it('rejects dy whose shape differs from the result', () => {
    const x = tensor([1, 2, 3]);
    expect(() => grad((input) => square(input))(x, tensor([1, 2]))).toThrow(ShapeError);
    expect(() => grad((input) => square(input))(x, tensor([1, 2]))).toThrow(/dy.*\[3\].*\[2\]/);
  });

  it('rejects an int32 source and a function that does not return a tensor', () => {
    expect(() => grad((input) => input)(tensor([1, 2], [2], 'int32'))).toThrow(DTypeError);
    expect(() => grad((input) => input)(tensor([1, 2], [2], 'int32'))).toThrow(/grad.*float32.*int32/);
    expect(() => grad(() => 3 as unknown as Tensor)(tensor([1]))).toThrow(InvalidArgumentError);
    expect(() => grad(42 as unknown as (x: Tensor) => Tensor)).toThrow(InvalidArgumentError);
  });

  it('leaves only the gradient behind', () => {
    const x = tensor([1, 2, 3]);
    const before = memory();
    const gradient = grad((input) => sum(square(mul(input, input))))(x);
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors + 1);
    expect(after.numBytes).toBe(before.numBytes + 12);
    expectValuesClose(gradient.dataSync(), [4, 32, 108]);
  });
});

describe('grads', () => {
  it('matches tf.grads for a matmul with a bias', () => {
    const random = seededRandom(2);
    const [a, aTf] = randomPair([2, 3], random);
    const [b, bTf] = randomPair([3, 4], random);
    const [bias, biasTf] = randomPair([4], random);
    const [weights, weightsTf] = pair(lossWeights(8, 3), [2, 4]);
    const result = grads((left: Tensor, right: Tensor, shift: Tensor) =>
      sum(mul(add(matmul(left, right), shift), weights)),
    )([a, b, bias]);
    const expected = tf.grads((left: tf.Tensor, right: tf.Tensor, shift: tf.Tensor) =>
      tf.sum(tf.mul(tf.add(tf.matMul(left as tf.Tensor2D, right as tf.Tensor2D), shift), weightsTf)),
    )([aTf, bTf, biasTf]);
    expect(result).toHaveLength(3);
    result.forEach((gradient, index) => {
      expectMatchesTf(gradient, expected[index], { rtol: 1e-4 });
    });
  });

  it('scales by dy', () => {
    const [a, aTf] = pair([1, 2, 3], [3]);
    const [b, bTf] = pair([-1, 0.5, 4], [3]);
    const [dy, dyTf] = pair([2, -1, 0.5], [3]);
    const result = grads((left: Tensor, right: Tensor) => mul(left, right))([a, b], dy);
    const expected = tf.grads((left: tf.Tensor, right: tf.Tensor) => tf.mul(left, right))([aTf, bTf], dyTf);
    expectMatchesTf(result[0], expected[0]);
    expectMatchesTf(result[1], expected[1]);
  });

  it('must be called with an array', () => {
    const g = grads((x: Tensor) => x);
    expect(() => g(tensor([1]) as unknown as [Tensor])).toThrow(InvalidArgumentError);
  });
});

describe('valueAndGrad / valueAndGrads', () => {
  it('valueAndGrad returns f(x) and df/dx as tf.valueAndGrad does', () => {
    const random = seededRandom(4);
    const [x, xTf] = randomPair([5], random);
    const { value, grad: gradient } = valueAndGrad((input) => sum(mul(sin(input), input)))(x);
    const expected = tf.valueAndGrad((input: tf.Tensor) => tf.sum(tf.mul(tf.sin(input), input)))(xTf);
    expectMatchesTf(value, expected.value);
    expectMatchesTf(gradient, expected.grad);
  });

  it('valueAndGrads with dy matches tf.valueAndGrads', () => {
    const random = seededRandom(5);
    const [a, aTf] = randomPair([2, 3], random);
    const [b, bTf] = randomPair([3], random);
    const [dy, dyTf] = randomPair([2, 3], random);
    const { value, grads: gradients } = valueAndGrads((left: Tensor, right: Tensor) => mul(tanh(left), right))(
      [a, b],
      dy,
    );
    const expected = tf.valueAndGrads((left: tf.Tensor, right: tf.Tensor) => tf.mul(tf.tanh(left), right))(
      [aTf, bTf],
      dyTf,
    );
    expectMatchesTf(value, expected.value);
    expectMatchesTf(gradients[0], expected.grads[0]);
    expectMatchesTf(gradients[1], expected.grads[1]);
  });

  it('keeps only the value and the gradients', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    const before = memory().numTensors;
    const { value, grads: gradients } = valueAndGrads((left: Tensor, right: Tensor) => sum(mul(square(left), right)))([
      a,
      b,
    ]);
    expect(memory().numTensors).toBe(before + 3);
    expect(value.dataSync()[0]).toBe(19);
    expect(Array.from(gradients[0].dataSync())).toEqual([6, 16]);
    expect(Array.from(gradients[1].dataSync())).toEqual([1, 4]);
  });
});

describe('gradients handed out as separate tensors', () => {
  it('gives each source its own tensor even when one gradient serves several, so disposing one keeps the others', () => {
    const a = tensor([1, 2, 3]);
    const b = tensor([4, 5, 6]);
    const { grads } = valueAndGrads((x: Tensor, y: Tensor) => sum(add(x, y)))([a, b]);
    expect(grads[0]).not.toBe(grads[1]);
    grads[0].dispose();
    expect(Array.from(grads[1].dataSync())).toEqual([1, 1, 1]);
    grads[1].dispose();
    a.dispose();
    b.dispose();
  });
});
