import { describe, expect, it } from 'vitest';
import { referencePool2d } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';
import { poolCases } from './pool-test-cases';

describe('cpu maxPool2d kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(51);
  for (const { name, inputShape, attributes } of poolCases) {
    it(`matches direct loops: ${name}`, () => {
      const x = randomValues(
        random,
        inputShape.reduce((product, dimension) => product * dimension, 1),
      );
      const expected = referencePool2d(x, inputShape, attributes, 'max');
      const output = backend.kernels.maxPool2d!({ x: writeTensor(backend, x, inputShape) }, attributes);
      expect(output.shape).toEqual(expected.shape);
      expectClose(readTensor(backend, output), expected.values, 0, 0);
    });
  }

  it('never lets a padded position win, even when every real value is negative', () => {
    const x = [-5, -4, -3, -2];
    const output = backend.kernels.maxPool2d!(
      { x: writeTensor(backend, x, [1, 2, 2, 1]) },
      { poolSize: [3, 3], strides: [1, 1], padding: [1, 1, 1, 1] },
    );
    expect([...readTensor(backend, output)]).toEqual([-2, -2, -2, -2]);
  });
});
