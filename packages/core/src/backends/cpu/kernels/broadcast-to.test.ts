import { describe, expect, it } from 'vitest';
import type { DType } from '../../../dtype';
import { broadcastRead, generate } from '../../../test-utils/float64-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

const cases: ReadonlyArray<{ from: number[]; to: number[]; dtype: DType }> = [
  { from: [3], to: [2, 3], dtype: 'float32' },
  { from: [2, 1], to: [2, 4], dtype: 'float32' },
  { from: [1, 3, 1], to: [4, 3, 5], dtype: 'int32' },
  { from: [2, 1, 3], to: [2, 2, 4, 3], dtype: 'float32' },
  { from: [1], to: [3, 2], dtype: 'bool' },
  { from: [], to: [2, 3], dtype: 'float32' },
  { from: [2, 3], to: [2, 3], dtype: 'int32' },
  { from: [1, 4], to: [0, 4], dtype: 'float32' },
];

describe('cpu broadcastTo kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(101);
  for (const { from, to, dtype } of cases) {
    it(`broadcasts [${from.join(',')}] to [${to.join(',')}] (${dtype})`, () => {
      const size = from.reduce((product, dimension) => product * dimension, 1);
      const values = randomValues(random, size).map((value) =>
        dtype === 'float32' ? value : dtype === 'int32' ? Math.round(value * 100) : value > 0 ? 1 : 0,
      );
      const output = backend.kernels.broadcastTo!({ x: writeTensor(backend, values, from, dtype) }, { shape: to });
      expect(output.shape).toEqual(to);
      expect(output.dtype).toBe(dtype);
      expectClose(
        readTensor(backend, output),
        generate(to, (coordinates) => broadcastRead(values, from, coordinates)),
        0,
        0,
      );
    });
  }
});
