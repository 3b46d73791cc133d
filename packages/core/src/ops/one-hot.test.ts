import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { expectMatchesTf, randomIntegers, seededRandom, tf } from '../test-utils/oracle';
import { oneHot } from './one-hot';
import { tensor } from './tensor';

describe('oneHot', () => {
  it.each([
    [[6], 4],
    [[2, 3], 5],
    [[2, 1, 3], 2],
    [[], 3],
    [[0, 3], 4],
    [[4, 0], 2],
  ])('matches tf.oneHot on indices of shape %j with depth %d, out-of-range indices included', (shape, depth) => {
    const random = seededRandom(shape.length * 31 + depth);
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    const values = randomIntegers(size, random, -2, depth + 2);
    const result = oneHot(tensor(values, shape, 'int32'), depth);
    expect(result.shape).toEqual([...shape, depth]);
    expectMatchesTf(result, tf.oneHot(tf.tensor(values, shape, 'int32'), depth));
  });

  it('uses onValue and offValue in the requested dtype, truncating for int32 as tfjs', () => {
    const values = [0, 3, 1, -1, 2];
    const tfIndices = tf.tensor1d(values, 'int32');
    expectMatchesTf(
      oneHot(tensor(values, [5], 'int32'), 4, 1.5, -2.7, 'int32'),
      tf.oneHot(tfIndices, 4, 1.5, -2.7, 'int32'),
    );
    expectMatchesTf(
      oneHot(tensor(values, [5], 'int32'), 4, 0.25, -0.5, 'float32'),
      tf.oneHot(tfIndices, 4, 0.25, -0.5, 'float32'),
    );
    expectMatchesTf(oneHot(tensor(values, [5], 'int32'), 4, 1, 0, 'bool'), tf.oneHot(tfIndices, 4, 1, 0, 'bool'));
  });

  it('accepts plain arrays of indices', () => {
    expect(
      oneHot(
        [
          [0, 2],
          [1, 1],
        ],
        3,
      ).arraySync(),
    ).toEqual([
      [
        [1, 0, 0],
        [0, 0, 1],
      ],
      [
        [0, 1, 0],
        [0, 1, 0],
      ],
    ]);
  });

  it('rejects float indices, fractional array indices and a bad depth', () => {
    expect(() => oneHot(tensor([0, 1]), 3)).toThrow(DTypeError);
    expect(() => oneHot(tensor([0, 1]), 3)).toThrow(/oneHot: indices must be int32, got float32/);
    expect(() => oneHot([0.5, 1], 3)).toThrow(DTypeError);
    expect(() => oneHot([0, 1], 0)).toThrow(InvalidArgumentError);
    expect(() => oneHot([0, 1], 2.5)).toThrow(/oneHot: depth must be a positive integer, got 2.5/);
  });
});
