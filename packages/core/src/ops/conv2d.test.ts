import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grads } from '../autograd/grads';
import { setBackend } from '../backend-api/set-backend';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, expectValuesClose, lossWeights, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { pairOf, sizeOf, type TestPadding, toExplicitPadding, toTfPadding } from '../test-utils/window-padding';
import { type ConvolutionAttributes, referenceConv2d } from '../test-utils/window-references';
import {
  computeOnEachBackend,
  expectBackendsAgree,
  registerWindowTestBackends,
  WINDOW_TEST_BACKENDS,
} from '../test-utils/window-test-backends';
import { type Conv2dOptions, conv2d } from './conv2d';
import { mul } from './mul';
import { sum } from './sum';
import { tensor } from './tensor';

interface ConvCase {
  name: string;
  x: number[];
  filter: number[];
  options: Conv2dOptions;
}

const CASES: ConvCase[] = [
  { name: 'valid 3x3, batch 1', x: [1, 5, 5, 2], filter: [3, 3, 2, 3], options: {} },
  {
    name: "'same', stride 2, odd sizes, batch 3",
    x: [3, 7, 6, 3],
    filter: [3, 2, 3, 4],
    options: { strides: 2, padding: 'same' },
  },
  { name: "'same', dilations 2", x: [2, 7, 8, 2], filter: [3, 3, 2, 2], options: { dilations: 2, padding: 'same' } },
  { name: "'valid', dilations [2, 1]", x: [1, 8, 6, 2], filter: [2, 3, 2, 3], options: { dilations: [2, 1] } },
  {
    name: 'explicit padding, strides [2, 1]',
    x: [1, 6, 5, 2],
    filter: [2, 3, 2, 3],
    options: {
      strides: [2, 1],
      padding: [
        [1, 2],
        [0, 1],
      ],
    },
  },
  { name: 'numeric padding, stride 2', x: [2, 8, 8, 1], filter: [3, 3, 1, 2], options: { strides: 2, padding: 1 } },
  { name: '1x1 filter, batch 3', x: [3, 4, 4, 5], filter: [1, 1, 5, 2], options: {} },
  {
    name: "1x1 filter, stride 2, 'same'",
    x: [1, 5, 5, 3],
    filter: [1, 1, 3, 2],
    options: { strides: 2, padding: 'same' },
  },
  { name: 'filter as large as the input', x: [2, 3, 4, 2], filter: [3, 4, 2, 2], options: {} },
  { name: 'stride 3 leaves rows unused', x: [1, 8, 7, 2], filter: [2, 2, 2, 2], options: { strides: 3 } },
  { name: "even filter, 'same', stride 1", x: [1, 4, 5, 1], filter: [2, 4, 1, 2], options: { padding: 'same' } },
];

function attributesOf(testCase: ConvCase): ConvolutionAttributes {
  const strides = pairOf(testCase.options.strides);
  const dilations = pairOf(testCase.options.dilations);
  const window: [number, number] = [testCase.filter[0], testCase.filter[1]];
  const padding = toExplicitPadding(
    testCase.options.padding as TestPadding,
    [testCase.x[1], testCase.x[2]],
    window,
    strides,
    dilations,
  );
  return { strides, dilations, padding };
}

function tfConv(testCase: ConvCase): (x: tf.Tensor, filter: tf.Tensor) => tf.Tensor {
  const tfPad = toTfPadding(testCase.options.padding as TestPadding);
  return (x, filter) =>
    tf.conv2d(
      x as tf.Tensor4D,
      filter as tf.Tensor4D,
      pairOf(testCase.options.strides),
      tfPad,
      'NHWC',
      pairOf(testCase.options.dilations),
    );
}

function inputsOf(testCase: ConvCase, seed: number): { x: number[]; filter: number[] } {
  const random = seededRandom(seed);
  return { x: randomValues(sizeOf(testCase.x), random), filter: randomValues(sizeOf(testCase.filter), random) };
}

describe.each(WINDOW_TEST_BACKENDS)('conv2d on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: values match tf.conv2d`, () => {
      const values = inputsOf(testCase, 100 + caseIndex);
      tidy(() => {
        const actual = conv2d(tensor(values.x, testCase.x), tensor(values.filter, testCase.filter), testCase.options);
        const expected = tfConv(testCase)(tf.tensor(values.x, testCase.x), tf.tensor(values.filter, testCase.filter));
        expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
        expected.dispose();
      });
    });

    // tfjs has no conv2d gradient for dilations > 1; finite differences still check those cases.
    const dilated = pairOf(testCase.options.dilations).some((dilation) => dilation > 1);
    it(`${testCase.name}: gradients match ${dilated ? '' : 'tf.grads and '}finite differences`, () => {
      const values = inputsOf(testCase, 200 + caseIndex);
      checkGradients({
        inputs: [
          { values: values.x, shape: testCase.x },
          { values: values.filter, shape: testCase.filter },
        ],
        tessera: (x, filter) => conv2d(x, filter, testCase.options),
        tfjs: dilated ? undefined : tfConv(testCase),
        reference: ([x, filter]) =>
          referenceConv2d(x, testCase.x, filter, testCase.filter, attributesOf(testCase)).values,
      });
    });
  });

  it('accepts a rank-3 input without the batch axis, like tfjs', () => {
    const random = seededRandom(5);
    const x = randomValues(5 * 4 * 2, random);
    const filter = randomValues(2 * 2 * 2 * 3, random);
    tidy(() => {
      const actual = conv2d(tensor(x, [5, 4, 2]), tensor(filter, [2, 2, 2, 3]), { padding: 'same' });
      const expected = tf.conv2d(tf.tensor3d(x, [5, 4, 2]), tf.tensor4d(filter, [2, 2, 2, 3]), 1, 'same');
      expect(actual.shape).toEqual([5, 4, 3]);
      expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
      expected.dispose();
    });
  });

  it('converts int32 input to float32', () => {
    tidy(() => {
      const actual = conv2d(tensor([1, 2, 3, 4], [1, 2, 2, 1], 'int32'), tensor([1, 10, 100, 1000], [2, 2, 1, 1]));
      expect(actual.dtype).toBe('float32');
      expect(Array.from(actual.dataSync())).toEqual([4321]);
    });
  });

  it('handles an empty batch', () => {
    tidy(() => {
      const actual = conv2d(tensor([], [0, 4, 4, 2]), tensor(randomValues(18, seededRandom(3)), [3, 3, 2, 1]), {
        padding: 'same',
      });
      expect(actual.shape).toEqual([0, 4, 4, 1]);
    });
  });

  it('leaves only its result behind outside a gradient tape', () => {
    tidy(() => {
      const x = tensor(randomValues(2 * 5 * 5 * 2, seededRandom(8)), [2, 5, 5, 2]);
      const filter = tensor(randomValues(3 * 3 * 2 * 2, seededRandom(9)), [3, 3, 2, 2]);
      const before = memory().numTensors;
      const output = conv2d(x, filter, { strides: 2, padding: 'same' });
      expect(memory().numTensors).toBe(before + 1);
      output.dispose();
    });
  });
});

describe('conv2d composites agree with native kernels', () => {
  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: same values and gradients on every backend`, async () => {
      const values = inputsOf(testCase, 300 + caseIndex);
      const results = await computeOnEachBackend(() =>
        tidy(() => {
          const x = tensor(values.x, testCase.x);
          const filter = tensor(values.filter, testCase.filter);
          const output = conv2d(x, filter, testCase.options);
          const weights = tensor(lossWeights(output.size), output.shape);
          const gradients = grads((xInput: Tensor, filterInput: Tensor) =>
            sum(mul(conv2d(xInput, filterInput, testCase.options), weights)),
          )([x, filter]);
          return [output, ...gradients].map((result) => Array.from(result.dataSync()));
        }),
      );
      expectBackendsAgree(results, 1e-5, 1e-5);
    });
  });

  it('strides and dilations above 1 together (tfjs refuses them): values and gradients match the reference', async () => {
    const testCase: ConvCase = {
      name: 'stride 2, dilations 2',
      x: [2, 9, 8, 2],
      filter: [3, 2, 2, 3],
      options: { strides: 2, dilations: 2, padding: 'same' },
    };
    const values = inputsOf(testCase, 400);
    const results = await computeOnEachBackend(() => {
      checkGradients({
        inputs: [
          { values: values.x, shape: testCase.x },
          { values: values.filter, shape: testCase.filter },
        ],
        tessera: (x, filter) => conv2d(x, filter, testCase.options),
        reference: ([x, filter]) =>
          referenceConv2d(x, testCase.x, filter, testCase.filter, attributesOf(testCase)).values,
      });
      return tidy(() => [
        Array.from(
          conv2d(tensor(values.x, testCase.x), tensor(values.filter, testCase.filter), testCase.options).dataSync(),
        ),
      ]);
    });
    expect(results.get('cpu')?.[0].length).toBe(2 * 5 * 4 * 3);
    expectBackendsAgree(results, 1e-5, 1e-5);
  });
});

describe('conv2d argument checks', () => {
  const x = () => tensor(randomValues(2 * 5 * 5 * 3, seededRandom(1)), [2, 5, 5, 3]);
  const filter = (inChannels = 3) =>
    tensor(randomValues(3 * 3 * inChannels * 2, seededRandom(2)), [3, 3, inChannels, 2]);

  it('names both shapes when the channels differ', () => {
    expect(() => conv2d(x(), filter(4))).toThrow(ShapeError);
    expect(() => conv2d(x(), filter(4))).toThrow(
      "conv2d: input channels must match the filter's in-channels, got x=[2,5,5,3] filter=[3,3,4,2]",
    );
  });

  it('rejects wrong ranks', () => {
    expect(() => conv2d(tensor([1, 2, 3, 4], [2, 2]), filter())).toThrow(/conv2d: x must have rank 4/);
    expect(() => conv2d(x(), tensor([1, 2, 3], [3]))).toThrow(/conv2d: filter must have rank 4/);
  });

  it('rejects a filter larger than the padded input', () => {
    const big = tensor(randomValues(6 * 6 * 3, seededRandom(3)), [6, 6, 3, 1]);
    expect(() => conv2d(x(), big)).toThrow(ShapeError);
    expect(() => conv2d(x(), big)).toThrow(/conv2d: the window spans 6x6 input positions .* padded input is only 5x5/);
    expect(() => conv2d(x(), big, { padding: 'same' })).not.toThrow();
  });

  it('rejects bad strides, dilations and padding', () => {
    expect(() => conv2d(x(), filter(), { strides: 0 })).toThrow(InvalidArgumentError);
    expect(() => conv2d(x(), filter(), { strides: 0 })).toThrow(/conv2d: strides must be a positive integer/);
    expect(() => conv2d(x(), filter(), { dilations: [1, 1.5] as [number, number] })).toThrow(/conv2d: dilations/);
    expect(() => conv2d(x(), filter(), { padding: 'full' as 'same' })).toThrow(
      /conv2d: padding must be 'same', 'valid'/,
    );
    expect(() =>
      conv2d(x(), filter(), {
        padding: [
          [1, -1],
          [0, 0],
        ],
      }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      conv2d(x(), filter(), {
        padding: [
          [1, 1],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      }),
    ).toThrow(InvalidArgumentError);
  });

  it('accepts tfjs-style NHWC explicit padding', () => {
    tidy(() => {
      const explicit = conv2d(x(), filter(), {
        padding: [
          [0, 0],
          [1, 2],
          [2, 0],
          [0, 0],
        ],
      });
      const short = conv2d(x(), filter(), {
        padding: [
          [1, 2],
          [2, 0],
        ],
      });
      expect(explicit.shape).toEqual([2, 6, 5, 2]);
      expectValuesClose(explicit.dataSync(), short.dataSync(), 0, 0);
    });
  });

  it('rejects bool input', () => {
    expect(() => conv2d(tensor([true, false, true, false], [1, 2, 2, 1]), tensor([1], [1, 1, 1, 1]))).toThrow(
      DTypeError,
    );
  });
});
