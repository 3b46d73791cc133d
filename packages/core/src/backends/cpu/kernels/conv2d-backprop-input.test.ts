import { describe, expect, it } from 'vitest';
import { convCases, referenceConv2d, referenceConv2dGradients } from './conv-test-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

const sizeOf = (shape: readonly number[]) => shape.reduce((product, dimension) => product * dimension, 1);

describe('cpu conv2dBackpropInput kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(31);
  for (const { name, inputShape, filterShape, attributes } of convCases) {
    it(`matches the adjoint of direct conv loops: ${name}`, () => {
      const x = randomValues(random, sizeOf(inputShape));
      const filter = randomValues(random, sizeOf(filterShape));
      const outputShape = referenceConv2d(x, inputShape, filter, filterShape, attributes).shape;
      const dy = randomValues(random, sizeOf(outputShape));
      const dx = backend.kernels.conv2dBackpropInput!(
        { dy: writeTensor(backend, dy, outputShape), filter: writeTensor(backend, filter, filterShape) },
        { ...attributes, inputShape },
      );
      expect(dx.shape).toEqual(inputShape);
      expectClose(
        readTensor(backend, dx),
        referenceConv2dGradients(x, inputShape, filter, filterShape, attributes, dy).dx,
      );
    });
  }

  for (const { name, inputShape, filterShape, attributes } of convCases.slice(0, 4)) {
    it(`matches central differences of the conv2d kernel: ${name}`, () => {
      const x = Float32Array.from(randomValues(random, sizeOf(inputShape)));
      const filter = writeTensor(backend, randomValues(random, sizeOf(filterShape)), filterShape);
      const outputShape = referenceConv2d(
        x,
        inputShape,
        new Float64Array(sizeOf(filterShape)),
        filterShape,
        attributes,
      ).shape;
      const dy = randomValues(random, sizeOf(outputShape));
      // loss(x) = Σ conv2d(x, filter) · dy, whose gradient with respect to x is exactly conv2dBackpropInput(dy).
      const loss = (values: Float32Array): number => {
        const output = readTensor(
          backend,
          backend.kernels.conv2d!({ x: writeTensor(backend, values, inputShape), filter }, attributes),
        );
        let total = 0;
        for (let index = 0; index < dy.length; index++) total += output[index] * dy[index];
        return total;
      };
      const dx = readTensor(
        backend,
        backend.kernels.conv2dBackpropInput!(
          { dy: writeTensor(backend, dy, outputShape), filter },
          { ...attributes, inputShape },
        ),
      );
      const step = 0.25;
      for (let probe = 0; probe < 12; probe++) {
        const index = Math.floor(random() * x.length);
        const original = x[index];
        x[index] = original + step;
        const above = loss(x);
        x[index] = original - step;
        const below = loss(x);
        x[index] = original;
        expect(dx[index]).toBeCloseTo((above - below) / (2 * step), 3);
      }
    });
  }
});
