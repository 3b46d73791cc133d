import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { broadcastRead, coordinatesOf, indexOf } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { sizeOf } from '../test-utils/window-padding';
import { layerNorm } from './layer-norm';
import { tensor } from './tensor';

interface LayerNormCase {
  name: string;
  x: number[];
  axis?: number | number[];
  /** Shape of gamma and beta, when given. */
  affine?: number[];
  epsilon?: number;
}

const CASES: LayerNormCase[] = [
  { name: 'last axis, no gamma or beta', x: [4, 6] },
  { name: 'last axis with gamma and beta', x: [2, 3, 5], affine: [5] },
  { name: 'two trailing axes', x: [2, 3, 4], axis: [1, 2], affine: [3, 4] },
  { name: 'leading axis, negative form', x: [5, 3], axis: -2, epsilon: 1e-3 },
  { name: 'middle axis with broadcast gamma', x: [2, 4, 3], axis: 1, affine: [4, 1] },
];

function axesOf(testCase: LayerNormCase): number[] {
  const list = testCase.axis === undefined ? [-1] : typeof testCase.axis === 'number' ? [testCase.axis] : testCase.axis;
  return list.map((axis) => (axis < 0 ? axis + testCase.x.length : axis));
}

function tfLayerNorm(testCase: LayerNormCase): (...inputs: tf.Tensor[]) => tf.Tensor {
  return (x, gamma, beta) => {
    const { mean, variance } = tf.moments(x, axesOf(testCase), true);
    const normalized = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, testCase.epsilon ?? 1e-5)));
    return gamma ? tf.add(tf.mul(normalized, gamma), beta) : normalized;
  };
}

function reference(testCase: LayerNormCase, [x, gamma, beta]: Float64Array[]): Float64Array {
  const axes = axesOf(testCase);
  const groupShape = testCase.x.map((dimension, axis) => (axes.includes(axis) ? 1 : dimension));
  const groupOf = (index: number) =>
    indexOf(
      coordinatesOf(index, testCase.x).map((value, axis) => (axes.includes(axis) ? 0 : value)),
      groupShape,
    );
  const count = axes.reduce((product, axis) => product * testCase.x[axis], 1);
  const sums = new Float64Array(sizeOf(groupShape));
  x.forEach((value, index) => {
    sums[groupOf(index)] += value;
  });
  const means = sums.map((total) => total / count);
  const squares = new Float64Array(sums.length);
  x.forEach((value, index) => {
    squares[groupOf(index)] += (value - means[groupOf(index)]) ** 2;
  });
  return Float64Array.from(x, (value, index) => {
    const group = groupOf(index);
    const normalized = (value - means[group]) / Math.sqrt(squares[group] / count + (testCase.epsilon ?? 1e-5));
    if (!gamma) return normalized;
    const coordinates = coordinatesOf(index, testCase.x);
    const affine = testCase.affine as number[];
    return normalized * broadcastRead(gamma, affine, coordinates) + broadcastRead(beta, affine, coordinates);
  });
}

function inputsOf(testCase: LayerNormCase, seed: number): Array<{ values: number[]; shape: number[] }> {
  const random = seededRandom(seed);
  const inputs = [{ values: randomValues(sizeOf(testCase.x), random), shape: testCase.x }];
  if (testCase.affine) {
    inputs.push({ values: randomValues(sizeOf(testCase.affine), random), shape: testCase.affine });
    inputs.push({ values: randomValues(sizeOf(testCase.affine), random), shape: testCase.affine });
  }
  return inputs;
}

describe('layerNorm', () => {
  CASES.forEach((testCase, caseIndex) => {
    const run = (
      x: Parameters<typeof layerNorm>[0],
      gamma?: Parameters<typeof layerNorm>[0],
      beta?: Parameters<typeof layerNorm>[0],
    ) => layerNorm(x, { axis: testCase.axis, epsilon: testCase.epsilon, gamma, beta });

    it(`${testCase.name}: values match tfjs's moments-based normalization`, () => {
      const inputs = inputsOf(testCase, 1 + caseIndex);
      tidy(() => {
        const actual = run(
          ...(inputs.map((input) => tensor(input.values, input.shape)) as [ReturnType<typeof tensor>]),
        );
        const tfInputs = inputs.map((input) => tf.tensor(input.values, input.shape));
        const expected = tfLayerNorm(testCase)(...tfInputs);
        expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-5 });
        tf.dispose([expected, ...tfInputs]);
      });
    });

    it(`${testCase.name}: gradients match tf.grads and finite differences`, () => {
      checkGradients({
        inputs: inputsOf(testCase, 10 + caseIndex),
        tessera: (x, gamma, beta) => run(x, gamma, beta),
        tfjs: tfLayerNorm(testCase),
        reference: (inputs) => reference(testCase, inputs),
        rtol: 2e-3,
        atol: 2e-3,
      });
    });
  });

  it('leaves only its result behind outside a gradient tape', () => {
    tidy(() => {
      const x = tensor(randomValues(24, seededRandom(3)), [4, 6]);
      const before = memory().numTensors;
      layerNorm(x, { gamma: tensor(randomValues(6, seededRandom(4))) }).dispose();
      expect(memory().numTensors).toBe(before + 1);
    });
  });

  it('rejects scalars, gamma that does not broadcast, and a bad epsilon', () => {
    expect(() => layerNorm(tensor(1))).toThrow(ShapeError);
    const x = tensor(randomValues(12, seededRandom(1)), [4, 3]);
    expect(() => layerNorm(x, { gamma: [1, 2, 3, 4] })).toThrow(ShapeError);
    expect(() => layerNorm(x, { beta: tensor([1, 2, 3, 4, 5, 6], [2, 3]) })).toThrow(
      'layerNorm: beta must broadcast to the shape of x, got beta=[2,3] x=[4,3]',
    );
    expect(() => layerNorm(x, { epsilon: -1 })).toThrow(InvalidArgumentError);
    expect(() => layerNorm(x, { axis: 2 })).toThrow(InvalidArgumentError);
  });
});
