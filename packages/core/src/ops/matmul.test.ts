import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { generate, indexOf } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  expectValuesClose,
  pair,
  randomIntegers,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { sizeFromShape } from '../util/shape';
import { matmul } from './matmul';
import { tensor } from './tensor';

interface Case {
  a: number[];
  b: number[];
  transposeA?: boolean;
  transposeB?: boolean;
}

/**
 * Batched a·b in float64 with NumPy rules: a rank-1 `a` is a row and a rank-1 `b` a column (their axis is
 * dropped from the result), transposes swap the last two axes, batch axes broadcast.
 */
function referenceMatmul(
  a: Float64Array,
  b: Float64Array,
  { a: aShape, b: bShape, transposeA = false, transposeB = false }: Case,
): Float64Array {
  const aMatrix = aShape.length === 1 ? (transposeA ? [aShape[0], 1] : [1, aShape[0]]) : aShape;
  const bMatrix = bShape.length === 1 ? (transposeB ? [1, bShape[0]] : [bShape[0], 1]) : bShape;
  const rows = aMatrix[aMatrix.length - (transposeA ? 1 : 2)];
  const inner = aMatrix[aMatrix.length - (transposeA ? 2 : 1)];
  const columns = bMatrix[bMatrix.length - (transposeB ? 2 : 1)];
  const aBatch = aMatrix.slice(0, -2);
  const bBatch = bMatrix.slice(0, -2);
  const batchRank = Math.max(aBatch.length, bBatch.length);
  const batch = broadcastBatch(aBatch, bBatch, batchRank);
  const aBatchSize = sizeFromShape(aMatrix.slice(-2));
  const bBatchSize = sizeFromShape(bMatrix.slice(-2));
  return generate([...batch, rows, columns], (coordinates) => {
    const batchCoordinates = coordinates.slice(0, batchRank);
    const aOffset = aBatch.length === 0 ? 0 : indexOfBroadcast(batchCoordinates, aBatch) * aBatchSize;
    const bOffset = bBatch.length === 0 ? 0 : indexOfBroadcast(batchCoordinates, bBatch) * bBatchSize;
    const [row, column] = coordinates.slice(batchRank);
    let total = 0;
    for (let k = 0; k < inner; k++) {
      const aValue = a[aOffset + (transposeA ? k * rows + row : row * inner + k)];
      const bValue = b[bOffset + (transposeB ? column * inner + k : k * columns + column)];
      total += aValue * bValue;
    }
    return total;
  });
}

function broadcastBatch(aBatch: number[], bBatch: number[], rank: number): number[] {
  return Array.from({ length: rank }, (_, axis) => {
    const aDimension = aBatch[aBatch.length - rank + axis] ?? 1;
    const bDimension = bBatch[bBatch.length - rank + axis] ?? 1;
    return aDimension === 1 ? bDimension : aDimension;
  });
}

function indexOfBroadcast(coordinates: number[], shape: number[]): number {
  const offset = coordinates.length - shape.length;
  return indexOf(
    shape.map((dimension, axis) => (dimension === 1 ? 0 : coordinates[axis + offset])),
    shape,
  );
}

/** tfjs's matMul needs rank ≥ 2 and cannot differentiate broadcast batches, so vectors are reshaped and batches broadcast first. */
function tfMatmul(a: tf.Tensor, b: tf.Tensor, { transposeA = false, transposeB = false }: Case): tf.Tensor {
  const aMatrix = a.rank === 1 ? tf.reshape(a, transposeA ? [-1, 1] : [1, -1]) : a;
  const bMatrix = b.rank === 1 ? tf.reshape(b, transposeB ? [1, -1] : [-1, 1]) : b;
  const batchRank = Math.max(aMatrix.rank, bMatrix.rank) - 2;
  const finalBatch = broadcastBatch(aMatrix.shape.slice(0, -2), bMatrix.shape.slice(0, -2), batchRank);
  const aFull = batchRank === 0 ? aMatrix : tf.broadcastTo(aMatrix, [...finalBatch, ...aMatrix.shape.slice(-2)]);
  const bFull = batchRank === 0 ? bMatrix : tf.broadcastTo(bMatrix, [...finalBatch, ...bMatrix.shape.slice(-2)]);
  const product = tf.matMul(aFull, bFull, transposeA, transposeB);
  const shape = [...finalBatch];
  if (a.rank !== 1) shape.push(product.shape[product.rank - 2]);
  if (b.rank !== 1) shape.push(product.shape[product.rank - 1]);
  return tf.reshape(product, shape);
}

const TRANSPOSES: Array<[boolean, boolean]> = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

/** Storage shapes of a [rows, inner] by [inner, columns] product under each transpose flag. */
function withTransposes(batchA: number[], batchB: number[], rows: number, inner: number, columns: number): Case[] {
  return TRANSPOSES.map(([transposeA, transposeB]) => ({
    a: [...batchA, ...(transposeA ? [inner, rows] : [rows, inner])],
    b: [...batchB, ...(transposeB ? [columns, inner] : [inner, columns])],
    transposeA,
    transposeB,
  }));
}

const CASES: Case[] = [
  ...withTransposes([], [], 3, 4, 5),
  ...withTransposes([2], [2], 2, 3, 4),
  ...withTransposes([2, 1], [5], 3, 4, 2),
  ...withTransposes([1], [3], 2, 2, 3),
  { a: [4], b: [4, 5] },
  { a: [3, 4], b: [4] },
  { a: [4], b: [4] },
  { a: [2, 3, 4], b: [4] },
  { a: [4], b: [2, 4, 5] },
  { a: [4], b: [5, 4], transposeB: true },
  { a: [4, 3], b: [4], transposeA: true },
];

describe('matmul', () => {
  it('matches tfjs and the float64 reference for every transpose combination, broadcast batches and rank-1 operands', () => {
    const random = seededRandom(241);
    for (const testCase of CASES) {
      tidy(() => {
        const [a, tfA] = randomPair(testCase.a, random);
        const [b, tfB] = randomPair(testCase.b, random);
        const result = matmul(a, b, testCase);
        const expected = tfMatmul(tfA, tfB, testCase);
        expectMatchesTf(result, expected, { rtol: 1e-5, atol: 1e-5 });
        const reference = referenceMatmul(Float64Array.from(a.dataSync()), Float64Array.from(b.dataSync()), testCase);
        expectValuesClose(Array.from(result.dataSync()), reference, 1e-5, 1e-5);
        tf.dispose([tfA, tfB, expected]);
      });
    }
  });

  it('gives [2,5,3,2] for [2,1,3,4]·[5,4,2]', () => {
    tidy(() =>
      expect(
        matmul(
          tensor(randomValues(24, seededRandom(1)), [2, 1, 3, 4]),
          tensor(randomValues(40, seededRandom(2)), [5, 4, 2]),
        ).shape,
      ).toEqual([2, 5, 3, 2]),
    );
  });

  it('multiplies int32 exactly and handles empty dimensions', () => {
    const random = seededRandom(242);
    tidy(() => {
      for (const [transposeA, transposeB] of TRANSPOSES) {
        const testCase = withTransposes([2], [1], 3, 4, 2)[
          TRANSPOSES.findIndex(([x, y]) => x === transposeA && y === transposeB)
        ];
        const [a, tfA] = pair(randomIntegers(sizeFromShape(testCase.a), random, -50, 50), testCase.a, 'int32');
        const [b, tfB] = pair(randomIntegers(sizeFromShape(testCase.b), random, -50, 50), testCase.b, 'int32');
        const expected = tfMatmul(tfA, tfB, testCase);
        expectMatchesTf(matmul(a, b, testCase), expected, { rtol: 0, atol: 0 });
        tf.dispose([tfA, tfB, expected]);
      }
      const [emptyRows, tfEmptyRows] = randomPair([0, 3], random);
      const [right, tfRight] = randomPair([3, 2], random);
      expectMatchesTf(matmul(emptyRows, right), tf.matMul(tfEmptyRows, tfRight));
      const [emptyInnerA, tfEmptyInnerA] = randomPair([2, 0], random);
      const [emptyInnerB, tfEmptyInnerB] = randomPair([0, 3], random);
      const zeros = matmul(emptyInnerA, emptyInnerB);
      expectMatchesTf(zeros, tf.matMul(tfEmptyInnerA, tfEmptyInnerB));
      expect(Array.from(zeros.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
      tf.dispose([tfEmptyRows, tfRight, tfEmptyInnerA, tfEmptyInnerB]);
    });
  });

  it('has the gradients of tf.grads and of finite differences for every case above', () => {
    const random = seededRandom(243);
    for (const testCase of CASES) {
      checkGradients({
        inputs: [
          { values: randomValues(sizeFromShape(testCase.a), random), shape: testCase.a },
          { values: randomValues(sizeFromShape(testCase.b), random), shape: testCase.b },
        ],
        tessera: (a, b) => matmul(a, b, testCase),
        tfjs: (a, b) => tfMatmul(a, b, testCase),
        reference: ([a, b]) => referenceMatmul(a, b, testCase),
      });
    }
  });

  it('leaves only its result behind outside a tidy, rank-1 operands included', () => {
    const matrix = tensor(randomValues(6, seededRandom(7)), [2, 3]);
    const vector = tensor([1, 2, 3]);
    for (const [a, b] of [
      [matrix, vector],
      [vector, vector],
      [matrix, tensor(randomValues(6, seededRandom(8)), [3, 2])],
    ]) {
      const before = memory();
      const result = matmul(a, b);
      expect(memory().numTensors - before.numTensors).toBe(1);
      result.dispose();
      expect(memory().numDataBuffers).toBe(before.numDataBuffers);
    }
  });

  it('names both shapes when the inner dimensions differ', () => {
    tidy(() => {
      const a = tensor(randomValues(6, seededRandom(3)), [2, 3]);
      const b = tensor(randomValues(20, seededRandom(4)), [4, 5]);
      expect(() => matmul(a, b)).toThrow(ShapeError);
      expect(() => matmul(a, b)).toThrow(/^matmul: inner dimensions must match, got a=\[2,3\] b=\[4,5\]$/);
      expect(() => matmul(a, b, { transposeA: true })).toThrow(
        'matmul: inner dimensions must match, got a=[2,3] b=[4,5] (transposeA=true, transposeB=false)',
      );
      expect(() =>
        matmul(
          tensor(randomValues(24, seededRandom(5)), [2, 3, 4]),
          tensor(randomValues(60, seededRandom(6)), [3, 4, 5]),
        ),
      ).toThrow(/^matmul: shapes \[2\] and \[3\] cannot be broadcast together/);
    });
  });

  it('rejects scalars, bool and mixed dtypes', () => {
    tidy(() => {
      const a = tensor([1, 2, 3, 4], [2, 2]);
      expect(() => matmul(tensor(2), a)).toThrow(ShapeError);
      expect(() => matmul(a, tensor([1, 2, 3, 4], [2, 2], 'int32'))).toThrow(DTypeError);
      expect(() => matmul(a, tensor([1, 2, 3, 4], [2, 2], 'int32'))).toThrow(
        'matmul: a and b must both be float32 or both int32, got a=float32 b=int32',
      );
      expect(() =>
        matmul(tensor([true, false, true, true], [2, 2], 'bool'), tensor([true, false, true, true], [2, 2], 'bool')),
      ).toThrow(DTypeError);
    });
  });

  it('reads broadcast batches correctly (spot check of the reference helper against a direct loop)', () => {
    // The reference's broadcast indexing is what the gradients are checked against, so pin it once by hand.
    const a = Float64Array.from([1, 2, 3, 4]); // [2,1,1,2]
    const b = Float64Array.from([1, 0, 0, 1, 2, 2]); // [3,2,1]
    const result = referenceMatmul(a, b, { a: [2, 1, 1, 2], b: [3, 2, 1] });
    expect(Array.from(result)).toEqual([1, 2, 6, 3, 4, 14]);
  });
});
