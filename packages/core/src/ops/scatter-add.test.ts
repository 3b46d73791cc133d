import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { coordinatesOf, indexOf } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  expectValuesClose,
  randomIntegers,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { sizeFromShape } from '../util/shape';
import { scatterAdd } from './scatter-add';
import { tensor } from './tensor';

/** Sums each slice of `updates` into row `indices[...]` along `axis` of a zero tensor with `size` rows there. */
function referenceScatterAdd(
  updates: ArrayLike<number>,
  updatesShape: number[],
  indices: number[],
  indexShape: number[],
  size: number,
  axis: number,
): Float64Array {
  const outputShape = [...updatesShape.slice(0, axis), size, ...updatesShape.slice(axis + indexShape.length)];
  const result = new Float64Array(sizeFromShape(outputShape));
  for (let position = 0; position < updates.length; position++) {
    const coordinates = coordinatesOf(position, updatesShape);
    const row = indices[indexOf(coordinates.slice(axis, axis + indexShape.length), indexShape)];
    const target = [...coordinates.slice(0, axis), row, ...coordinates.slice(axis + indexShape.length)];
    result[indexOf(target, outputShape)] += updates[position];
  }
  return result;
}

/** The same sum in tfjs: unsortedSegmentSum works on axis 0 with rank-1 ids, so move the axis there first. */
function tfScatterAdd(
  updates: tf.Tensor,
  indices: number[],
  indexShape: number[],
  size: number,
  axis: number,
): tf.Tensor {
  const indexRank = indexShape.length;
  const rest = updates.shape.slice(axis + indexRank);
  const front = updates.shape.slice(0, axis);
  const leading = tf.reshape(updates, [...front, indices.length, ...rest]);
  const perm = [front.length, ...front.map((_, index) => index), ...rest.map((_, index) => front.length + 1 + index)];
  const moved = tf.transpose(leading, perm);
  const summed = tf.unsortedSegmentSum(moved, tf.tensor1d(indices, 'int32'), size);
  const inverse = perm.map((_, position) => perm.indexOf(position));
  return tf.transpose(summed, inverse);
}

const CASES: Array<{ updatesShape: number[]; indexShape: number[]; size: number; axis: number }> = [
  { updatesShape: [5, 3], indexShape: [5], size: 4, axis: 0 },
  { updatesShape: [2, 6, 3], indexShape: [6], size: 3, axis: 1 },
  { updatesShape: [2, 3, 2], indexShape: [3, 2], size: 5, axis: 1 },
  { updatesShape: [4], indexShape: [4], size: 2, axis: -1 },
  { updatesShape: [0, 2], indexShape: [0], size: 3, axis: 0 },
];

describe('scatterAdd', () => {
  it('matches a tfjs unsortedSegmentSum (duplicates accumulate) and the float64 reference, float32 and int32', () => {
    const random = seededRandom(201);
    for (const { updatesShape, indexShape, size, axis } of CASES) {
      const indices = randomIntegers(sizeFromShape(indexShape), random, 0, size);
      const positive = axis < 0 ? axis + updatesShape.length - indexShape.length + 1 : axis;
      const values = randomValues(sizeFromShape(updatesShape), random);
      tidy(() => {
        const result = scatterAdd(tensor(values, updatesShape), tensor(indices, indexShape, 'int32'), size, axis);
        const tfUpdates = tf.tensor(values, updatesShape);
        const expected = tfScatterAdd(tfUpdates, indices, indexShape, size, positive);
        expectMatchesTf(result, expected);
        expectValuesClose(
          Array.from(result.dataSync()),
          referenceScatterAdd(values, updatesShape, indices, indexShape, size, positive),
        );
        const integerValues = randomIntegers(values.length, random, -9, 9);
        const integerResult = scatterAdd(
          tensor(integerValues, updatesShape, 'int32'),
          tensor(indices, indexShape, 'int32'),
          size,
          axis,
        );
        expect(integerResult.dtype).toBe('int32');
        expect(Array.from(integerResult.dataSync())).toEqual(
          Array.from(referenceScatterAdd(integerValues, updatesShape, indices, indexShape, size, positive)),
        );
        tf.dispose([tfUpdates, expected]);
      });
    }
  });

  it('has the gradient (a gather) of tf.grad and of finite differences', () => {
    const random = seededRandom(202);
    for (const { updatesShape, indexShape, size, axis } of CASES.slice(0, 3)) {
      const indices = randomIntegers(sizeFromShape(indexShape), random, 0, size);
      checkGradients({
        inputs: [{ values: randomValues(sizeFromShape(updatesShape), random), shape: updatesShape }],
        tessera: (updates) => scatterAdd(updates, tensor(indices, indexShape, 'int32'), size, axis),
        tfjs: (updates) => tfScatterAdd(updates, indices, indexShape, size, axis),
        reference: ([updates]) => referenceScatterAdd(updates, updatesShape, indices, indexShape, size, axis),
      });
    }
  });

  it('rejects out-of-range indices, float indices, bad sizes and mismatched shapes', () => {
    tidy(() => {
      const updates = tensor([1, 2, 3, 4, 5, 6], [3, 2]);
      expect(() => scatterAdd(updates, tensor([0, 1, 4], [3], 'int32'), 4)).toThrow(InvalidArgumentError);
      expect(() => scatterAdd(updates, tensor([0, 1, 4], [3], 'int32'), 4)).toThrow(
        'scatterAdd: index 4 at position 2 is out of range [0, 4)',
      );
      expect(() => scatterAdd(updates, tensor([0, -1, 1], [3], 'int32'), 4)).toThrow(InvalidArgumentError);
      expect(() => scatterAdd(updates, tensor([0, 1, 1]), 4)).toThrow(DTypeError);
      expect(() => scatterAdd(updates, tensor([0, 1, 1], [3], 'int32'), -1)).toThrow(
        /^scatterAdd: size must be a non-negative integer/,
      );
      expect(() => scatterAdd(updates, tensor([0, 1], [2], 'int32'), 4)).toThrow(
        /^scatterAdd: updates dimensions 0..0 must equal the indices shape \[2\]/,
      );
    });
  });
});
