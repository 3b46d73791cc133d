import { describe, expect, it } from 'vitest';
import { referencePool2d } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';
import { poolCases } from './pool-test-cases';

describe('cpu maxPool2dBackward kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(61);
  for (const { name, inputShape, attributes } of poolCases) {
    it(`routes each gradient to its window's maximum: ${name}`, () => {
      const x = randomValues(
        random,
        inputShape.reduce((product, dimension) => product * dimension, 1),
      );
      const { shape, argmax } = referencePool2d(x, inputShape, attributes, 'max');
      const dy = randomValues(random, argmax.length);
      const expected = new Float64Array(x.length);
      for (let index = 0; index < argmax.length; index++) expected[argmax[index]] += dy[index];
      const dx = backend.kernels.maxPool2dBackward!(
        { dy: writeTensor(backend, dy, shape), x: writeTensor(backend, x, inputShape) },
        attributes,
      );
      expect(dx.shape).toEqual(inputShape);
      expectClose(readTensor(backend, dx), expected, 1e-6, 1e-6);
    });
  }

  it('sends the gradient of a tie to the first maximum in the window, as tfjs does', () => {
    // Rows [0 2 1] and [2 1 3]: the left window ties between x[1] and x[3]; the right one's maximum is x[5].
    const x = [0, 2, 1, 2, 1, 3];
    const dx = backend.kernels.maxPool2dBackward!(
      { dy: writeTensor(backend, [10, 20], [1, 1, 2, 1]), x: writeTensor(backend, x, [1, 2, 3, 1]) },
      { poolSize: [2, 2], strides: [1, 1], padding: [0, 0, 0, 0] },
    );
    expect([...readTensor(backend, dx)]).toEqual([0, 10, 0, 0, 0, 20]);
  });
});
