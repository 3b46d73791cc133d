import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '../backend-api/set-backend';
import { InvalidArgumentError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { pairOf, sizeOf, type TestPadding, toExplicitPadding, toTfPadding } from '../test-utils/window-padding';
import { referenceConv2dBackpropInput } from '../test-utils/window-references';
import { registerWindowTestBackends, WINDOW_TEST_BACKENDS } from '../test-utils/window-test-backends';
import { type Conv2dTransposeOptions, conv2dTranspose } from './conv2d-transpose';
import { tensor } from './tensor';

interface TransposeCase {
  name: string;
  x: number[];
  filter: number[];
  outputShape: [number, number, number, number];
  options: Conv2dTransposeOptions;
}

const CASES: TransposeCase[] = [
  { name: 'valid, stride 1', x: [1, 3, 3, 2], filter: [3, 3, 4, 2], outputShape: [1, 5, 5, 4], options: {} },
  {
    name: "'same', stride 2, batch 2",
    x: [2, 3, 4, 2],
    filter: [3, 3, 3, 2],
    outputShape: [2, 6, 7, 3],
    options: { strides: 2, padding: 'same' },
  },
  {
    name: 'valid, stride 2, unused trailing rows',
    x: [1, 3, 3, 2],
    filter: [3, 3, 1, 2],
    outputShape: [1, 8, 8, 1],
    options: { strides: 2 },
  },
  {
    name: "1x1 filter, stride 2, 'same', batch 3",
    x: [3, 3, 3, 3],
    filter: [1, 1, 2, 3],
    outputShape: [3, 5, 5, 2],
    options: { strides: 2, padding: 'same' },
  },
  {
    name: 'explicit padding, strides [2, 1]',
    x: [1, 4, 4, 3],
    filter: [2, 3, 2, 3],
    outputShape: [1, 6, 5, 2],
    options: {
      strides: [2, 1],
      padding: [
        [1, 2],
        [0, 1],
      ],
    },
  },
];

function explicitPadding(testCase: TransposeCase): [number, number, number, number] {
  const strides = pairOf(testCase.options.strides);
  const window: [number, number] = [testCase.filter[0], testCase.filter[1]];
  return toExplicitPadding(
    testCase.options.padding as TestPadding,
    [testCase.outputShape[1], testCase.outputShape[2]],
    window,
    strides,
  );
}

function tfTranspose(testCase: TransposeCase): (x: tf.Tensor, filter: tf.Tensor) => tf.Tensor {
  return (x, filter) =>
    tf.conv2dTranspose(
      x as tf.Tensor4D,
      filter as tf.Tensor4D,
      testCase.outputShape,
      pairOf(testCase.options.strides),
      toTfPadding(testCase.options.padding as TestPadding),
    );
}

describe.each(WINDOW_TEST_BACKENDS)('conv2dTranspose on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: values match tf.conv2dTranspose`, () => {
      const random = seededRandom(70 + caseIndex);
      const x = randomValues(sizeOf(testCase.x), random);
      const filter = randomValues(sizeOf(testCase.filter), random);
      tidy(() => {
        const actual = conv2dTranspose(
          tensor(x, testCase.x),
          tensor(filter, testCase.filter),
          testCase.outputShape,
          testCase.options,
        );
        const expected = tfTranspose(testCase)(tf.tensor(x, testCase.x), tf.tensor(filter, testCase.filter));
        expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
        expected.dispose();
      });
    });

    it(`${testCase.name}: gradients match tf.grads and finite differences`, () => {
      const random = seededRandom(80 + caseIndex);
      const attributes = {
        strides: pairOf(testCase.options.strides),
        dilations: [1, 1] as [number, number],
        padding: explicitPadding(testCase),
      };
      checkGradients({
        inputs: [
          { values: randomValues(sizeOf(testCase.x), random), shape: testCase.x },
          { values: randomValues(sizeOf(testCase.filter), random), shape: testCase.filter },
        ],
        tessera: (x, filter) => conv2dTranspose(x, filter, testCase.outputShape, testCase.options),
        tfjs: tfTranspose(testCase),
        reference: ([x, filter]) =>
          referenceConv2dBackpropInput(x, filter, testCase.filter, testCase.outputShape, attributes).values,
      });
    });
  });

  it('accepts rank-3 input with a rank-3 outputShape', () => {
    const random = seededRandom(9);
    const x = randomValues(3 * 3 * 2, random);
    const filter = randomValues(3 * 3 * 4 * 2, random);
    tidy(() => {
      const actual = conv2dTranspose(tensor(x, [3, 3, 2]), tensor(filter, [3, 3, 4, 2]), [5, 5, 4]);
      const expected = tf.conv2dTranspose(
        tf.tensor3d(x, [3, 3, 2]),
        tf.tensor4d(filter, [3, 3, 4, 2]),
        [5, 5, 4],
        1,
        'valid',
      );
      expect(actual.shape).toEqual([5, 5, 4]);
      expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
      expected.dispose();
    });
  });
});

describe('conv2dTranspose argument checks', () => {
  const x = () => tensor(randomValues(1 * 3 * 3 * 2, seededRandom(1)), [1, 3, 3, 2]);
  const filter = () => tensor(randomValues(3 * 3 * 4 * 2, seededRandom(2)), [3, 3, 4, 2]);

  it('rejects an outputShape whose convolution does not give x', () => {
    expect(() => conv2dTranspose(x(), filter(), [1, 6, 5, 4])).toThrow(ShapeError);
    expect(() => conv2dTranspose(x(), filter(), [1, 6, 5, 4])).toThrow(
      /conv2dTranspose: a convolution of outputShape with these strides and padding gives 4x3 positions, so x must have that height and width/,
    );
  });

  it('checks channels, batch and the outputShape itself', () => {
    expect(() => conv2dTranspose(x(), filter(), [1, 5, 5, 3])).toThrow(
      /outputShape channels must match the filter's out-channels/,
    );
    expect(() =>
      conv2dTranspose(tensor(randomValues(27, seededRandom(3)), [1, 3, 3, 3]), filter(), [1, 5, 5, 4]),
    ).toThrow(/conv2dTranspose: x channels must match the filter's in-channels/);
    expect(() => conv2dTranspose(x(), filter(), [2, 5, 5, 4])).toThrow(/outputShape must keep x's batch size/);
    expect(() => conv2dTranspose(x(), filter(), [5, 5, 4])).toThrow(InvalidArgumentError);
  });
});
