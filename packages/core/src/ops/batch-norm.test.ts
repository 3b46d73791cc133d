import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import { broadcastRead, coordinatesOf } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { sizeOf } from '../test-utils/window-padding';
import { batchNorm } from './batch-norm';
import { tensor } from './tensor';

interface BatchNormCase {
  name: string;
  x: number[];
  parameters: number[];
  offset: boolean;
  scale: boolean;
  epsilon?: number;
}

const CASES: BatchNormCase[] = [
  { name: 'NHWC with per-channel statistics', x: [2, 3, 4, 5], parameters: [5], offset: true, scale: true },
  { name: 'rank 2, no offset or scale', x: [4, 3], parameters: [3], offset: false, scale: false },
  { name: 'scale only, custom epsilon', x: [3, 6], parameters: [6], offset: false, scale: true, epsilon: 0.1 },
  { name: 'offset only', x: [2, 2, 3], parameters: [3], offset: true, scale: false },
  { name: 'statistics of the same rank as x', x: [2, 3, 2, 4], parameters: [1, 1, 1, 4], offset: true, scale: true },
];

/** Inputs in order x, mean, variance, [offset], [scale]; variance positive. */
function inputsOf(testCase: BatchNormCase, seed: number): Array<{ values: number[]; shape: number[] }> {
  const random = seededRandom(seed);
  const count = sizeOf(testCase.parameters);
  const inputs = [
    { values: randomValues(sizeOf(testCase.x), random), shape: testCase.x },
    { values: randomValues(count, random), shape: testCase.parameters },
    { values: randomValues(count, random, 0.5, 2), shape: testCase.parameters },
  ];
  if (testCase.offset) inputs.push({ values: randomValues(count, random), shape: testCase.parameters });
  if (testCase.scale) inputs.push({ values: randomValues(count, random), shape: testCase.parameters });
  return inputs;
}

function splitInputs<T>(testCase: BatchNormCase, inputs: T[]): { x: T; mean: T; variance: T; offset?: T; scale?: T } {
  const [x, mean, variance, ...rest] = inputs;
  return {
    x,
    mean,
    variance,
    offset: testCase.offset ? rest.shift() : undefined,
    scale: testCase.scale ? rest.shift() : undefined,
  };
}

/**
 * tfjs's batchNorm gradient fails without both offset and scale, and for statistics of x's rank; the same
 * formula written with tfjs's element-wise ops is the oracle there.
 */
function tfBatchNormDifferentiable(testCase: BatchNormCase): boolean {
  return testCase.offset && testCase.scale && testCase.parameters.length === 1;
}

function reference(testCase: BatchNormCase, inputs: Float64Array[]): Float64Array {
  const { x, mean, variance, offset, scale } = splitInputs(testCase, inputs);
  const epsilon = testCase.epsilon ?? 0.001;
  const read = (values: Float64Array | undefined, coordinates: number[], fallback: number) =>
    values === undefined ? fallback : broadcastRead(values, testCase.parameters, coordinates);
  return Float64Array.from(x, (value, index) => {
    const coordinates = coordinatesOf(index, testCase.x);
    const normalized = (value - read(mean, coordinates, 0)) / Math.sqrt(read(variance, coordinates, 1) + epsilon);
    return normalized * read(scale, coordinates, 1) + read(offset, coordinates, 0);
  });
}

describe('batchNorm', () => {
  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: values match tf.batchNorm`, () => {
      const inputs = inputsOf(testCase, 1 + caseIndex);
      tidy(() => {
        const ours = splitInputs(
          testCase,
          inputs.map((input) => tensor(input.values, input.shape)),
        );
        const theirs = splitInputs(
          testCase,
          inputs.map((input) => tf.tensor(input.values, input.shape)),
        );
        const actual = batchNorm(ours.x, ours.mean, ours.variance, ours.offset, ours.scale, testCase.epsilon);
        const expected = tf.batchNorm(
          theirs.x,
          theirs.mean,
          theirs.variance,
          theirs.offset,
          theirs.scale,
          testCase.epsilon,
        );
        expectMatchesTf(actual, expected, { rtol: 1e-5, atol: 1e-5 });
        tf.dispose([expected, ...Object.values(theirs).filter((value): value is tf.Tensor => value !== undefined)]);
      });
    });

    it(`${testCase.name}: gradients of every input match tf.grads and finite differences`, () => {
      checkGradients({
        inputs: inputsOf(testCase, 10 + caseIndex),
        tessera: (...tensors) => {
          const { x, mean, variance, offset, scale } = splitInputs(testCase, tensors);
          return batchNorm(x, mean, variance, offset, scale, testCase.epsilon);
        },
        tfjs: (...tensors) => {
          const { x, mean, variance, offset, scale } = splitInputs(testCase, tensors);
          if (tfBatchNormDifferentiable(testCase))
            return tf.batchNorm(x, mean, variance, offset, scale, testCase.epsilon);
          const normalized = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, testCase.epsilon ?? 0.001)));
          return tf.add(tf.mul(normalized, scale ?? tf.scalar(1)), offset ?? tf.scalar(0));
        },
        reference: (inputs) => reference(testCase, inputs),
      });
    });
  });

  it('rejects statistics that do not broadcast to x, and a bad epsilon', () => {
    const x = tensor(randomValues(12, seededRandom(1)), [4, 3]);
    expect(() => batchNorm(x, [1, 2, 3, 4], [1, 1, 1, 1])).toThrow(ShapeError);
    expect(() => batchNorm(x, [0, 0, 0], [1, 1, 1], undefined, tensor([1, 1, 1, 1, 1, 1], [2, 3]))).toThrow(
      'batchNorm: scale must broadcast to the shape of x, got scale=[2,3] x=[4,3]',
    );
    expect(() => batchNorm(x, [0, 0, 0], [1, 1, 1], undefined, undefined, -1)).toThrow(InvalidArgumentError);
  });
});
