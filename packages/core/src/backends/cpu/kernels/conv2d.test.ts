import { describe, it } from 'vitest';
import { convCases, referenceConv2d } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

describe('cpu conv2d kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(21);
  for (const { name, inputShape, filterShape, attributes } of convCases) {
    it(`matches direct loops: ${name}`, () => {
      const x = randomValues(
        random,
        inputShape.reduce((product, dimension) => product * dimension, 1),
      );
      const filter = randomValues(
        random,
        filterShape.reduce((product, dimension) => product * dimension, 1),
      );
      const expected = referenceConv2d(x, inputShape, filter, filterShape, attributes);
      const output = backend.kernels.conv2d!(
        { x: writeTensor(backend, x, inputShape), filter: writeTensor(backend, filter, filterShape) },
        attributes,
      );
      expectClose(output.shape, expected.shape, 0, 0);
      expectClose(readTensor(backend, output), expected.values, 1e-5, 1e-5);
    });
  }
});
