import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '../backend-api/set-backend';
import { ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { pairOf, sizeOf, type TestPadding, toExplicitPadding, toTfPadding } from '../test-utils/window-padding';
import { type ConvolutionAttributes, referenceDepthwiseConv2d } from '../test-utils/window-references';
import { registerWindowTestBackends, WINDOW_TEST_BACKENDS } from '../test-utils/window-test-backends';
import { type DepthwiseConv2dOptions, depthwiseConv2d } from './depthwise-conv2d';
import { tensor } from './tensor';

interface DepthwiseCase {
  name: string;
  x: number[];
  filter: number[];
  options: DepthwiseConv2dOptions;
}

const CASES: DepthwiseCase[] = [
  { name: 'valid 3x3, multiplier 1', x: [1, 5, 5, 2], filter: [3, 3, 2, 1], options: {} },
  {
    name: "'same', stride 2, multiplier 2, batch 3",
    x: [3, 7, 6, 3],
    filter: [3, 2, 3, 2],
    options: { strides: 2, padding: 'same' },
  },
  {
    name: "'same', dilations 2, multiplier 3",
    x: [2, 7, 7, 2],
    filter: [3, 3, 2, 3],
    options: { dilations: 2, padding: 'same' },
  },
  {
    name: 'explicit padding, strides [2, 1]',
    x: [1, 6, 5, 2],
    filter: [2, 3, 2, 2],
    options: {
      strides: [2, 1],
      padding: [
        [1, 2],
        [0, 1],
      ],
    },
  },
  { name: '1x1 filter, multiplier 3', x: [2, 4, 4, 3], filter: [1, 1, 3, 3], options: {} },
];

function attributesOf(testCase: DepthwiseCase): ConvolutionAttributes {
  const strides = pairOf(testCase.options.strides);
  const dilations = pairOf(testCase.options.dilations);
  const window: [number, number] = [testCase.filter[0], testCase.filter[1]];
  return {
    strides,
    dilations,
    padding: toExplicitPadding(
      testCase.options.padding as TestPadding,
      [testCase.x[1], testCase.x[2]],
      window,
      strides,
      dilations,
    ),
  };
}

function tfDepthwise(testCase: DepthwiseCase): (x: tf.Tensor, filter: tf.Tensor) => tf.Tensor {
  return (x, filter) =>
    tf.depthwiseConv2d(
      x as tf.Tensor4D,
      filter as tf.Tensor4D,
      pairOf(testCase.options.strides),
      toTfPadding(testCase.options.padding as TestPadding),
      'NHWC',
      pairOf(testCase.options.dilations),
    );
}

describe.each(WINDOW_TEST_BACKENDS)('depthwiseConv2d on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: values match tf.depthwiseConv2d`, () => {
      const random = seededRandom(90 + caseIndex);
      const x = randomValues(sizeOf(testCase.x), random);
      const filter = randomValues(sizeOf(testCase.filter), random);
      tidy(() => {
        const actual = depthwiseConv2d(tensor(x, testCase.x), tensor(filter, testCase.filter), testCase.options);
        const expected = tfDepthwise(testCase)(tf.tensor(x, testCase.x), tf.tensor(filter, testCase.filter));
        expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
        expected.dispose();
      });
    });

    // tfjs has no gradient for dilations > 1; finite differences still check those cases.
    const dilated = pairOf(testCase.options.dilations).some((dilation) => dilation > 1);
    it(`${testCase.name}: gradients match ${dilated ? '' : 'tf.grads and '}finite differences`, () => {
      const random = seededRandom(100 + caseIndex);
      checkGradients({
        inputs: [
          { values: randomValues(sizeOf(testCase.x), random), shape: testCase.x },
          { values: randomValues(sizeOf(testCase.filter), random), shape: testCase.filter },
        ],
        tessera: (x, filter) => depthwiseConv2d(x, filter, testCase.options),
        tfjs: dilated ? undefined : tfDepthwise(testCase),
        reference: ([x, filter]) =>
          referenceDepthwiseConv2d(x, testCase.x, filter, testCase.filter, attributesOf(testCase)).values,
      });
    });
  });

  it('accepts rank-3 input and leaves only its result behind', () => {
    const random = seededRandom(11);
    const x = randomValues(5 * 4 * 2, random);
    const filter = randomValues(3 * 3 * 2 * 2, random);
    tidy(() => {
      const xTensor = tensor(x, [5, 4, 2]);
      const filterTensor = tensor(filter, [3, 3, 2, 2]);
      const before = memory().numTensors;
      const actual = depthwiseConv2d(xTensor, filterTensor, { padding: 'same' });
      expect(memory().numTensors).toBe(before + 1);
      const expected = tf.depthwiseConv2d(tf.tensor3d(x, [5, 4, 2]), tf.tensor4d(filter, [3, 3, 2, 2]), 1, 'same');
      expect(actual.shape).toEqual([5, 4, 4]);
      expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
      expected.dispose();
    });
  });
});

describe('depthwiseConv2d argument checks', () => {
  it('names both shapes when the channels differ', () => {
    const x = tensor(randomValues(2 * 5 * 5 * 3, seededRandom(1)), [2, 5, 5, 3]);
    const filter = tensor(randomValues(3 * 3 * 2 * 1, seededRandom(2)), [3, 3, 2, 1]);
    expect(() => depthwiseConv2d(x, filter)).toThrow(ShapeError);
    expect(() => depthwiseConv2d(x, filter)).toThrow(
      "depthwiseConv2d: input channels must match the filter's in-channels, got x=[2,5,5,3] filter=[3,3,2,1]",
    );
    expect(() => depthwiseConv2d(x, tensor([1, 2, 3], [3]))).toThrow(/depthwiseConv2d: filter must have rank 4/);
  });
});
