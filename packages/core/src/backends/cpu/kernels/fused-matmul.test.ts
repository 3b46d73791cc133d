import { describe, expect, it } from 'vitest';
import type { Activation } from '../../../backend/kernel-specs';
import { broadcastRead, coordinatesOf } from '../../../test-utils/float64-reference';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

const activations: Record<Activation, (value: number) => number> = {
  linear: (value) => value,
  relu: (value) => Math.max(value, 0),
  sigmoid: (value) => 1 / (1 + Math.exp(-value)),
  tanh: Math.tanh,
};

const biasShapes: number[][] = [[5], [1, 5], [3, 1], [], [2, 3, 5]];

describe('cpu fusedMatmul kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(111);
  for (const activation of Object.keys(activations) as Activation[]) {
    for (const biasShape of biasShapes) {
      it(`equals activation(a·b + bias) for ${activation} with bias [${biasShape.join(',')}]`, () => {
        const [batch, m, k, n] = [2, 3, 4, 5];
        const a = randomValues(random, batch * k * m);
        const b = randomValues(random, n * k);
        const bias = randomValues(
          random,
          biasShape.reduce((product, dimension) => product * dimension, 1),
        );
        // a is stored [batch, k, m] and b [n, k], so both transpose flags are exercised.
        const output = backend.kernels.fusedMatmul!(
          {
            a: writeTensor(backend, a, [batch, k, m]),
            b: writeTensor(backend, b, [n, k]),
            bias: writeTensor(backend, bias, biasShape),
          },
          { transposeA: true, transposeB: true, activation },
        );
        expect(output.shape).toEqual([batch, m, n]);
        const expected = new Float64Array(batch * m * n);
        for (let index = 0; index < expected.length; index++) {
          const [image, row, column] = coordinatesOf(index, [batch, m, n]);
          let sum = 0;
          for (let inner = 0; inner < k; inner++) sum += a[(image * k + inner) * m + row] * b[column * k + inner];
          expected[index] = activations[activation](sum + broadcastRead(bias, biasShape, [image, row, column]));
        }
        expectClose(readTensor(backend, output), expected, 1e-5, 1e-6);
      });
    }
  }
});
