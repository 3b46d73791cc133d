import { describe, expect, it } from 'vitest';
import { coordinatesOf, indexOf } from '../../../test-utils/float64-reference';
import { broadcastShapes } from '../../../util/shape';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

/** Float64 batched matmul with NumPy-broadcast batch dimensions, read through coordinates. */
function referenceMatmul(
  a: ArrayLike<number>,
  aShape: number[],
  b: ArrayLike<number>,
  bShape: number[],
  transposeA: boolean,
  transposeB: boolean,
): { values: Float64Array; shape: number[] } {
  const m = transposeA ? aShape[aShape.length - 1] : aShape[aShape.length - 2];
  const k = transposeA ? aShape[aShape.length - 2] : aShape[aShape.length - 1];
  const n = transposeB ? bShape[bShape.length - 2] : bShape[bShape.length - 1];
  const batchShape = broadcastShapes(aShape.slice(0, -2), bShape.slice(0, -2), 'test');
  const shape = [...batchShape, m, n];
  const values = new Float64Array(shape.reduce((product, dimension) => product * dimension, 1));
  const batchOf = (operandShape: number[], coordinates: number[]) => {
    const operandBatch = operandShape.slice(0, -2);
    const offset = batchShape.length - operandBatch.length;
    return operandBatch.map((dimension, axis) => (dimension === 1 ? 0 : coordinates[axis + offset]));
  };
  for (let index = 0; index < values.length; index++) {
    const coordinates = coordinatesOf(index, shape);
    const [row, column] = coordinates.slice(-2);
    const batch = coordinates.slice(0, -2);
    let sum = 0;
    for (let inner = 0; inner < k; inner++) {
      const aCoordinates = [...batchOf(aShape, batch), ...(transposeA ? [inner, row] : [row, inner])];
      const bCoordinates = [...batchOf(bShape, batch), ...(transposeB ? [column, inner] : [inner, column])];
      sum += a[indexOf(aCoordinates, aShape)] * b[indexOf(bCoordinates, bShape)];
    }
    values[index] = sum;
  }
  return { values, shape };
}

const cases: ReadonlyArray<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [
  { a: [3, 4], b: [4, 5], transposeA: false, transposeB: false },
  { a: [17, 33], b: [17, 9], transposeA: true, transposeB: false },
  { a: [2, 6, 5], b: [7, 5], transposeA: false, transposeB: true },
  { a: [2, 1, 5, 6], b: [3, 4, 5], transposeA: true, transposeB: true },
  { a: [1, 3, 65, 20], b: [4, 1, 20, 3], transposeA: false, transposeB: false },
  { a: [0, 3, 4], b: [4, 2], transposeA: false, transposeB: false },
  { a: [2, 3, 0], b: [0, 2], transposeA: false, transposeB: false },
];

describe('cpu matmul kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(121);
  for (const { a: aShape, b: bShape, transposeA, transposeB } of cases) {
    it(`float32 [${aShape}]${transposeA ? 'ᵀ' : ''} · [${bShape}]${transposeB ? 'ᵀ' : ''} matches float64 loops`, () => {
      const a = randomValues(
        random,
        aShape.reduce((product, dimension) => product * dimension, 1),
      );
      const b = randomValues(
        random,
        bShape.reduce((product, dimension) => product * dimension, 1),
      );
      const expected = referenceMatmul(a, aShape, b, bShape, transposeA, transposeB);
      const output = backend.kernels.matmul(
        { a: writeTensor(backend, a, aShape), b: writeTensor(backend, b, bShape) },
        { transposeA, transposeB },
      );
      expect(output.shape).toEqual(expected.shape);
      expect(output.dtype).toBe('float32');
      expectClose(readTensor(backend, output), expected.values, 1e-5, 1e-5);
    });
  }

  it('multiplies int32 exactly, including values whose float32 products would round', () => {
    const aShape = [2, 3, 4];
    const bShape = [4, 2];
    const a = Array.from({ length: 24 }, (_, index) => (index % 2 === 0 ? 1 : -1) * (4_000_000 + index * 12_345));
    const b = [1, 0, 0, 1, 1, 1, -1, 2];
    const output = backend.kernels.matmul(
      { a: writeTensor(backend, a, aShape, 'int32'), b: writeTensor(backend, b, bShape, 'int32') },
      { transposeA: false, transposeB: false },
    );
    expect(output.dtype).toBe('int32');
    expect([...readTensor(backend, output)]).toEqual([...referenceMatmul(a, aShape, b, bShape, false, false).values]);
  });
});
