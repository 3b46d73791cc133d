import { describe, expect, it } from 'vitest';
import { referencePool2d } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';
import { poolCases } from './pool-test-cases';

describe('cpu avgPool2d kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(71);
  for (const { name, inputShape, attributes } of poolCases) {
    it(`matches direct loops: ${name}`, () => {
      const x = randomValues(
        random,
        inputShape.reduce((product, dimension) => product * dimension, 1),
      );
      const expected = referencePool2d(x, inputShape, attributes, 'avg');
      const output = backend.kernels.avgPool2d!({ x: writeTensor(backend, x, inputShape) }, attributes);
      expect(output.shape).toEqual(expected.shape);
      expectClose(readTensor(backend, output), expected.values);
    });
  }

  it("averages only the non-padded elements of a window (tfjs 'same' behaviour)", () => {
    // 3x3 same pooling of a 2x2 image: every window covers all four real pixels and five padded ones.
    const output = backend.kernels.avgPool2d!(
      { x: writeTensor(backend, [1, 2, 3, 6], [1, 2, 2, 1]) },
      { poolSize: [3, 3], strides: [1, 1], padding: [1, 1, 1, 1] },
    );
    expect([...readTensor(backend, output)]).toEqual([3, 3, 3, 3]);
  });
});
