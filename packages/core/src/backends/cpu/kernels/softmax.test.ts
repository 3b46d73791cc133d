import { describe, expect, it } from 'vitest';
import { createTestBackend, readTensor, writeTensor } from './kernel-test-backend';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';
import { softmaxLayout } from './softmax-layout';

/** Float64 softmax along one axis, one [outer, axis, inner] slice at a time. */
function referenceSoftmax(x: Float64Array, shape: number[], axis: number, logarithm: boolean): Float64Array {
  const { outer, axisSize, inner } = softmaxLayout(shape, axis);
  const result = new Float64Array(x.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at = (position: number) => (o * axisSize + position) * inner + i;
      let maximum = Number.NEGATIVE_INFINITY;
      for (let position = 0; position < axisSize; position++) maximum = Math.max(maximum, x[at(position)]);
      let sum = 0;
      for (let position = 0; position < axisSize; position++) sum += Math.exp(x[at(position)] - maximum);
      for (let position = 0; position < axisSize; position++) {
        const shifted = x[at(position)] - maximum;
        result[at(position)] = logarithm ? shifted - Math.log(sum) : Math.exp(shifted) / sum;
      }
    }
  }
  return result;
}

export const softmaxCases: ReadonlyArray<{ shape: number[]; axis: number }> = [
  { shape: [7], axis: 0 },
  { shape: [4, 10], axis: -1 },
  { shape: [4, 10], axis: 0 },
  { shape: [2, 3, 5], axis: 1 },
  { shape: [3, 1, 4], axis: 1 },
  { shape: [2, 3, 4, 5], axis: 2 },
];

describe('cpu softmax kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(91);
  for (const { shape, axis } of softmaxCases) {
    it(`matches a float64 softmax of shape [${shape.join(',')}] along axis ${axis}`, () => {
      const x = randomValues(
        random,
        shape.reduce((product, dimension) => product * dimension, 1),
      ).map((value) => value * 8);
      const output = backend.kernels.softmax!({ logits: writeTensor(backend, x, shape) }, { axis });
      expect(output.shape).toEqual(shape);
      expectClose(readTensor(backend, output), referenceSoftmax(x, shape, axis, false), 1e-5, 1e-7);
    });
  }

  it('stays finite for huge logits', () => {
    const output = backend.kernels.softmax!(
      { logits: writeTensor(backend, [1000, 1001, 1002, -1000], [4]) },
      { axis: 0 },
    );
    expectClose(
      readTensor(backend, output),
      referenceSoftmax(Float64Array.from([1000, 1001, 1002, -1000]), [4], 0, false),
    );
  });
});

describe('cpu logSoftmax kernel', () => {
  const backend = createTestBackend();
  const random = seededRandom(92);
  for (const { shape, axis } of softmaxCases) {
    it(`matches a float64 log-softmax of shape [${shape.join(',')}] along axis ${axis}`, () => {
      const x = randomValues(
        random,
        shape.reduce((product, dimension) => product * dimension, 1),
      ).map((value) => value * 8);
      const output = backend.kernels.logSoftmax!({ logits: writeTensor(backend, x, shape) }, { axis });
      expect(output.shape).toEqual(shape);
      expectClose(readTensor(backend, output), referenceSoftmax(x, shape, axis, true), 1e-5, 1e-5);
    });
  }

  it('keeps very negative log-probabilities finite instead of log(0)', () => {
    const values = [0, -200, 500, 499];
    const output = backend.kernels.logSoftmax!({ logits: writeTensor(backend, values, [4]) }, { axis: -1 });
    const result = readTensor(backend, output);
    expect(Number.isFinite(result[0])).toBe(true);
    expectClose(result, referenceSoftmax(Float64Array.from(values), [4], 0, true), 1e-6, 1e-4);
  });
});
