import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import { generate } from '../test-utils/float64-reference';
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
import { dot } from './dot';
import { outer } from './outer';
import { tensor } from './tensor';

/** a·b for rank-1/2 operands in float64, treating a vector as a row (left) or a column (right). */
function referenceDot(a: Float64Array, aShape: number[], b: Float64Array, bShape: number[]): Float64Array {
  const rows = aShape.length === 2 ? aShape[0] : 1;
  const inner = aShape[aShape.length - 1];
  const columns = bShape.length === 2 ? bShape[1] : 1;
  const outputShape = [...(aShape.length === 2 ? [rows] : []), ...(bShape.length === 2 ? [columns] : [])];
  return generate(outputShape, (coordinates) => {
    const row = aShape.length === 2 ? coordinates[0] : 0;
    const column = bShape.length === 2 ? coordinates[coordinates.length - 1] : 0;
    let total = 0;
    for (let k = 0; k < inner; k++) total += a[row * inner + k] * b[k * columns + column];
    return total;
  });
}

const SHAPES: Array<[number[], number[]]> = [
  [[4], [4]],
  [[3, 4], [4]],
  [[4], [4, 2]],
  [
    [3, 4],
    [4, 2],
  ],
  [
    [1, 1],
    [1, 5],
  ],
  [[0], [0]],
  [
    [2, 0],
    [0, 3],
  ],
];

describe('dot', () => {
  it('matches tf.dot for every combination of rank 1 and 2, empty inner dimensions included', () => {
    const random = seededRandom(101);
    for (const [aShape, bShape] of SHAPES) {
      tidy(() => {
        const [a, tfA] = randomPair(aShape, random);
        const [b, tfB] = randomPair(bShape, random);
        expectMatchesTf(dot(a, b), tf.dot(tfA, tfB), { rtol: 1e-5, atol: 1e-5 });
        tf.dispose([tfA, tfB]);
      });
    }
  });

  it('keeps int32 exact', () => {
    const random = seededRandom(102);
    tidy(() => {
      const [a, tfA] = pair(randomIntegers(6, random, -20, 20), [2, 3], 'int32');
      const [b, tfB] = pair(randomIntegers(3, random, -20, 20), [3], 'int32');
      expectMatchesTf(dot(a, b), tf.dot(tfA, tfB), { rtol: 0, atol: 0 });
      tf.dispose([tfA, tfB]);
    });
  });

  it('has the gradients of tf.grads and of finite differences for every rank combination', () => {
    const random = seededRandom(103);
    for (const [aShape, bShape] of SHAPES.slice(0, 5)) {
      const aValues = randomValues(
        aShape.reduce((x, y) => x * y, 1),
        random,
      );
      const bValues = randomValues(
        bShape.reduce((x, y) => x * y, 1),
        random,
      );
      checkGradients({
        inputs: [
          { values: aValues, shape: aShape },
          { values: bValues, shape: bShape },
        ],
        tessera: (a, b) => dot(a, b),
        tfjs: (a, b) => tf.dot(a, b),
        reference: ([a, b]) => referenceDot(a, aShape, b, bShape),
      });
    }
  });

  it('rejects other ranks, mismatched inner dimensions and mixed dtypes, naming the shapes', () => {
    tidy(() => {
      const matrix = tensor(randomValues(6, seededRandom(1)), [2, 3]);
      expect(() => dot(matrix, tensor([1, 2]))).toThrow(ShapeError);
      expect(() => dot(matrix, tensor([1, 2]))).toThrow('dot: inner dimensions must match, got a=[2,3] b=[2]');
      expect(() => dot(tensor([1, 2], [1, 1, 2]), tensor([1, 2]))).toThrow(
        'dot: both inputs must have rank 1 or 2, got a=[1,1,2] b=[2]',
      );
      expect(() => dot(tensor(2), tensor([1]))).toThrow(ShapeError);
      expect(() => dot(tensor([1, 2]), tensor([1, 2], [2], 'int32'))).toThrow(DTypeError);
    });
  });
});

describe('outer', () => {
  it('matches tf.outerProduct, empty vectors and int32 included', () => {
    const random = seededRandom(104);
    for (const [n, m] of [
      [3, 4],
      [1, 5],
      [0, 2],
      [2, 0],
    ]) {
      tidy(() => {
        const [a, tfA] = randomPair([n], random);
        const [b, tfB] = randomPair([m], random);
        expectMatchesTf(outer(a, b), tf.outerProduct(tfA as tf.Tensor1D, tfB as tf.Tensor1D));
        tf.dispose([tfA, tfB]);
      });
    }
    tidy(() => {
      const [a, tfA] = pair([1, -2, 3], [3], 'int32');
      const [b, tfB] = pair([4, 5], [2], 'int32');
      expectMatchesTf(outer(a, b), tf.outerProduct(tfA as tf.Tensor1D, tfB as tf.Tensor1D));
      tf.dispose([tfA, tfB]);
    });
  });

  it('has the gradients of tf.grads and of finite differences', () => {
    const random = seededRandom(105);
    const aValues = randomValues(3, random);
    const bValues = randomValues(4, random);
    checkGradients({
      inputs: [
        { values: aValues, shape: [3] },
        { values: bValues, shape: [4] },
      ],
      tessera: (a, b) => outer(a, b),
      tfjs: (a, b) => tf.outerProduct(a as tf.Tensor1D, b as tf.Tensor1D),
      reference: ([a, b]) => generate([3, 4], ([row, column]) => a[row] * b[column]),
    });
  });

  it('rejects operands that are not vectors', () => {
    tidy(() => {
      expect(() => outer(tensor([[1, 2]]), tensor([1]))).toThrow(ShapeError);
      expect(() => outer(tensor([[1, 2]]), tensor([1]))).toThrow(
        'outer: both inputs must be vectors (rank 1), got a=[1,2] b=[1]',
      );
    });
  });
});
