import { describe, expect, it } from 'vitest';
import { referencePool2d } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { randomValues, seededRandom } from './kernel-test-helpers';
import { poolCases } from './pool-test-cases';

const sizeOf = (shape: readonly number[]) => shape.reduce((product, dimension) => product * dimension, 1);

describe('cpu avgPool2dBackward kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(81);
  for (const { name, inputShape, attributes } of poolCases) {
    it(`matches central differences of the float64 average: ${name}`, () => {
      const x = randomValues(random, sizeOf(inputShape));
      const { shape } = referencePool2d(x, inputShape, attributes, 'avg');
      const dy = randomValues(random, sizeOf(shape));
      const dx = readTensor(
        backend,
        backend.kernels.avgPool2dBackward!({ dy: writeTensor(backend, dy, shape) }, { ...attributes, inputShape }),
      );
      const loss = (values: Float64Array): number => {
        const pooled = referencePool2d(values, inputShape, attributes, 'avg').values;
        let total = 0;
        for (let index = 0; index < pooled.length; index++) total += pooled[index] * dy[index];
        return total;
      };
      const step = 1e-3;
      for (let index = 0; index < x.length; index++) {
        const original = x[index];
        x[index] = original + step;
        const above = loss(x);
        x[index] = original - step;
        const below = loss(x);
        x[index] = original;
        expect(dx[index]).toBeCloseTo((above - below) / (2 * step), 5);
      }
    });
  }
});
