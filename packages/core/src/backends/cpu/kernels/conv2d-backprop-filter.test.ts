import { describe, expect, it } from 'vitest';
import { convCases, referenceConv2d, referenceConv2dGradients } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

const sizeOf = (shape: readonly number[]) => shape.reduce((product, dimension) => product * dimension, 1);

describe('cpu conv2dBackpropFilter kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(41);
  for (const { name, inputShape, filterShape, attributes } of convCases) {
    it(`matches the adjoint of direct conv loops: ${name}`, () => {
      const x = randomValues(random, sizeOf(inputShape));
      const filter = randomValues(random, sizeOf(filterShape));
      const outputShape = referenceConv2d(x, inputShape, filter, filterShape, attributes).shape;
      const dy = randomValues(random, sizeOf(outputShape));
      const dFilter = backend.kernels.conv2dBackpropFilter!(
        { x: writeTensor(backend, x, inputShape), dy: writeTensor(backend, dy, outputShape) },
        { ...attributes, filterShape },
      );
      expect(dFilter.shape).toEqual(filterShape);
      const expected = referenceConv2dGradients(x, inputShape, filter, filterShape, attributes, dy).dFilter;
      // Each filter gradient sums over every output pixel, so allow for float32 rounding over that many terms.
      expectClose(readTensor(backend, dFilter), expected, 1e-5, 1e-6 * sizeOf(outputShape));
    });
  }

  for (const { name, inputShape, filterShape, attributes } of convCases.slice(0, 4)) {
    it(`matches central differences of the conv2d kernel: ${name}`, () => {
      const x = writeTensor(backend, randomValues(random, sizeOf(inputShape)), inputShape);
      const filter = Float32Array.from(randomValues(random, sizeOf(filterShape)));
      const outputShape = referenceConv2d(
        new Float64Array(sizeOf(inputShape)),
        inputShape,
        filter,
        filterShape,
        attributes,
      ).shape;
      const dy = randomValues(random, sizeOf(outputShape));
      // loss(filter) = Σ conv2d(x, filter) · dy, whose gradient with respect to the filter is conv2dBackpropFilter.
      const loss = (values: Float32Array): number => {
        const output = readTensor(
          backend,
          backend.kernels.conv2d!({ x, filter: writeTensor(backend, values, filterShape) }, attributes),
        );
        let total = 0;
        for (let index = 0; index < dy.length; index++) total += output[index] * dy[index];
        return total;
      };
      const dFilter = readTensor(
        backend,
        backend.kernels.conv2dBackpropFilter!(
          { x, dy: writeTensor(backend, dy, outputShape) },
          { ...attributes, filterShape },
        ),
      );
      const step = 0.25;
      for (let probe = 0; probe < 12; probe++) {
        const index = Math.floor(random() * filter.length);
        const original = filter[index];
        filter[index] = original + step;
        const above = loss(filter);
        filter[index] = original - step;
        const below = loss(filter);
        filter[index] = original;
        expect(dFilter[index]).toBeCloseTo((above - below) / (2 * step), 3);
      }
    });
  }
});
