import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { generate, indexOf } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  pair,
  randomIntegers,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { gather } from './gather';
import { tensor } from './tensor';

/** x.take(indices, axis) in float64: the output shape is x.shape with `axis` replaced by indices.shape. */
function referenceGather(
  x: Float64Array,
  shape: number[],
  indices: number[],
  indexShape: number[],
  axis: number,
): Float64Array {
  const outputShape = [...shape.slice(0, axis), ...indexShape, ...shape.slice(axis + 1)];
  return generate(outputShape, (coordinates) => {
    const position = indexOf(coordinates.slice(axis, axis + indexShape.length), indexShape);
    const source = [...coordinates.slice(0, axis), indices[position], ...coordinates.slice(axis + indexShape.length)];
    return x[indexOf(source, shape)];
  });
}

describe('gather', () => {
  it('matches tfjs for indices of rank 0 to 2 along every axis (negative included), every dtype', () => {
    const random = seededRandom(191);
    for (let trial = 0; trial < 30; trial++) {
      const rank = 1 + (trial % 3);
      const shape = randomShape(random, rank, 1, 4);
      const axis = Math.floor(random() * rank) - (random() < 0.4 ? rank : 0);
      const positive = axis < 0 ? axis + rank : axis;
      const indexShape = randomShape(random, trial % 3, 0, 3);
      const indices = randomIntegers(sizeFromShape(indexShape), random, 0, shape[positive]);
      tidy(() => {
        const [indexTensor, tfIndices] = pair(indices, indexShape, 'int32');
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(gather(x, indexTensor, axis), tf.gather(tfX, tfIndices, axis));
        const [integers, tfIntegers] = pair(randomIntegers(sizeFromShape(shape), random, -9, 9), shape, 'int32');
        expectMatchesTf(gather(integers, indexTensor, axis), tf.gather(tfIntegers, tfIndices, axis));
        const [flags, tfFlags] = pair(randomIntegers(sizeFromShape(shape), random, 0, 2), shape, 'bool');
        expectMatchesTf(gather(flags, indexTensor, axis), tf.gather(tfFlags, tfIndices, axis));
        tf.dispose([tfIndices, tfX, tfIntegers, tfFlags]);
      });
    }
  });

  it('accepts plain number arrays as indices (as int32)', () => {
    tidy(() => {
      const [x, tfX] = randomPair([4, 2], seededRandom(3));
      expectMatchesTf(gather(x, [3, 0, 3]), tf.gather(tfX, [3, 0, 3]));
      tfX.dispose();
    });
  });

  it('accumulates the gradient of duplicate indices, as tf.grad and finite differences (axis ≠ 0, rank-2 indices)', () => {
    const shape = [2, 4, 3];
    const indices = [3, 0, 3, 3, 1, 0];
    const indexShape = [2, 3];
    checkGradients({
      inputs: [{ values: randomValues(24, seededRandom(192)), shape }],
      tessera: (x) => gather(x, tensor(indices, indexShape, 'int32'), 1),
      tfjs: (x) => tf.gather(x, tf.tensor(indices, indexShape, 'int32'), 1),
      reference: ([x]) => referenceGather(x, shape, indices, indexShape, 1),
    });
    checkGradients({
      inputs: [{ values: randomValues(6, seededRandom(193)), shape: [3, 2] }],
      tessera: (x) => gather(x, tensor([2, 2, 0, 2], [4], 'int32')),
      tfjs: (x) => tf.gather(x, tf.tensor([2, 2, 0, 2], [4], 'int32')),
      reference: ([x]) => referenceGather(x, [3, 2], [2, 2, 0, 2], [4], 0),
    });
  });

  it('rejects out-of-range and negative indices, float indices and bad axes', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
      expect(() => gather(x, tensor([0, 3], [2], 'int32'), 1)).toThrow(InvalidArgumentError);
      expect(() => gather(x, tensor([0, 3], [2], 'int32'), 1)).toThrow(
        'gather: index 3 at position 1 is out of range [0, 3) for axis 1',
      );
      expect(() => gather(x, tensor([-1], [1], 'int32'))).toThrow(
        /^gather: index -1 at position 0 is out of range \[0, 2\)/,
      );
      expect(() => gather(x, tensor([0.5]))).toThrow(DTypeError);
      expect(() => gather(x, tensor([0], [1], 'int32'), 2)).toThrow(
        'gather: axis must be an integer in [-2, 1] for a tensor of rank 2, got 2',
      );
    });
  });
});
