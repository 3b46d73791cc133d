import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '../backend-api/set-backend';
import { InvalidArgumentError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { sizeOf } from '../test-utils/window-padding';
import { referenceConv2d, samePaddingReference } from '../test-utils/window-references';
import { registerWindowTestBackends, WINDOW_TEST_BACKENDS } from '../test-utils/window-test-backends';
import { type Conv1dOptions, conv1d } from './conv1d';
import { tensor } from './tensor';

interface Conv1dCase {
  name: string;
  x: number[];
  filter: number[];
  options: Conv1dOptions;
}

const CASES: Conv1dCase[] = [
  { name: 'valid, stride 1, batch 1', x: [1, 9, 3], filter: [3, 3, 4], options: {} },
  {
    name: "'same', stride 2, odd width, batch 3",
    x: [3, 9, 2],
    filter: [4, 2, 3],
    options: { stride: 2, padding: 'same' },
  },
  { name: "'same', dilation 2", x: [2, 10, 2], filter: [3, 2, 2], options: { dilation: 2, padding: 'same' } },
  { name: 'width-1 filter', x: [2, 7, 4], filter: [1, 4, 3], options: {} },
  { name: 'numeric padding, stride 2', x: [1, 8, 2], filter: [3, 2, 2], options: { stride: 2, padding: 2 } },
  { name: 'explicit [left, right] padding', x: [2, 6, 1], filter: [2, 1, 3], options: { padding: [0, 3] } },
  { name: "'causal', dilation 2", x: [2, 7, 2], filter: [3, 2, 2], options: { padding: 'causal', dilation: 2 } },
];

/** tfjs pads conv1d's height too when given a number, so it is the oracle only for 'same' and 'valid'. */
function tfConv(testCase: Conv1dCase): ((x: tf.Tensor, filter: tf.Tensor) => tf.Tensor) | undefined {
  const padding = testCase.options.padding ?? 'valid';
  if (padding !== 'same' && padding !== 'valid') return undefined;
  return (x, filter) =>
    tf.conv1d(
      x as tf.Tensor3D,
      filter as tf.Tensor3D,
      testCase.options.stride ?? 1,
      padding,
      'NWC',
      testCase.options.dilation ?? 1,
    );
}

function reference(testCase: Conv1dCase, x: ArrayLike<number>, filter: ArrayLike<number>): Float64Array {
  const [batch, width, channels] = testCase.x;
  const stride = testCase.options.stride ?? 1;
  const dilation = testCase.options.dilation ?? 1;
  const padding = testCase.options.padding ?? 'valid';
  const [left, right] =
    padding === 'valid'
      ? [0, 0]
      : padding === 'same'
        ? samePaddingReference(width, testCase.filter[0], stride, dilation)
        : padding === 'causal'
          ? [(testCase.filter[0] - 1) * dilation, 0]
          : typeof padding === 'number'
            ? [padding, padding]
            : padding;
  return referenceConv2d(x, [batch, 1, width, channels], filter, [1, ...testCase.filter], {
    strides: [1, stride],
    dilations: [1, dilation],
    padding: [0, 0, left, right],
  }).values;
}

describe.each(WINDOW_TEST_BACKENDS)('conv1d on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CASES.forEach((testCase, caseIndex) => {
    const oracle = tfConv(testCase);
    it(`${testCase.name}: values match ${oracle ? 'tf.conv1d' : 'the reference'}`, () => {
      const random = seededRandom(50 + caseIndex);
      const x = randomValues(sizeOf(testCase.x), random);
      const filter = randomValues(sizeOf(testCase.filter), random);
      tidy(() => {
        const actual = conv1d(tensor(x, testCase.x), tensor(filter, testCase.filter), testCase.options);
        if (oracle) {
          const expected = oracle(tf.tensor(x, testCase.x), tf.tensor(filter, testCase.filter));
          expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
          expected.dispose();
        } else {
          const expected = reference(testCase, x, filter);
          expect(actual.shape).toEqual([
            testCase.x[0],
            expected.length / testCase.x[0] / testCase.filter[2],
            testCase.filter[2],
          ]);
          expect(Array.from(actual.dataSync()).every((value, index) => Math.abs(value - expected[index]) < 1e-4)).toBe(
            true,
          );
        }
      });
    });

    // tfjs has no gradient for dilations > 1; finite differences still check those cases.
    const gradientOracle = (testCase.options.dilation ?? 1) > 1 ? undefined : oracle;
    it(`${testCase.name}: gradients match ${gradientOracle ? 'tf.grads and ' : ''}finite differences`, () => {
      const random = seededRandom(60 + caseIndex);
      checkGradients({
        inputs: [
          { values: randomValues(sizeOf(testCase.x), random), shape: testCase.x },
          { values: randomValues(sizeOf(testCase.filter), random), shape: testCase.filter },
        ],
        tessera: (x, filter) => conv1d(x, filter, testCase.options),
        tfjs: gradientOracle,
        reference: ([x, filter]) => reference(testCase, x, filter),
      });
    });
  });

  it('accepts rank-2 input without the batch axis', () => {
    const random = seededRandom(7);
    const x = randomValues(6 * 2, random);
    const filter = randomValues(3 * 2 * 2, random);
    tidy(() => {
      const actual = conv1d(tensor(x, [6, 2]), tensor(filter, [3, 2, 2]), { padding: 'same' });
      const expected = tf.conv1d(tf.tensor2d(x, [6, 2]), tf.tensor3d(filter, [3, 2, 2]), 1, 'same');
      expect(actual.shape).toEqual([6, 2]);
      expectMatchesTf(actual, expected, { rtol: 1e-4, atol: 1e-4 });
      expected.dispose();
    });
  });
});

describe('conv1d argument checks', () => {
  const x = () => tensor(randomValues(2 * 6 * 3, seededRandom(1)), [2, 6, 3]);

  it('names both shapes when the channels differ', () => {
    const filter = tensor(randomValues(3 * 2 * 2, seededRandom(2)), [3, 2, 2]);
    expect(() => conv1d(x(), filter)).toThrow(ShapeError);
    expect(() => conv1d(x(), filter)).toThrow(
      "conv1d: input channels must match the filter's in-channels, got x=[2,6,3] filter=[3,2,2]",
    );
  });

  it('rejects wrong ranks, bad stride and bad padding', () => {
    const filter = tensor(randomValues(3 * 3 * 2, seededRandom(2)), [3, 3, 2]);
    expect(() => conv1d(tensor([1, 2, 3], [3]), filter)).toThrow(/conv1d: x must have rank 3/);
    expect(() => conv1d(x(), tensor(randomValues(9, seededRandom(3)), [3, 3]))).toThrow(
      /conv1d: filter must have rank 3/,
    );
    expect(() => conv1d(x(), filter, { stride: 0 })).toThrow(InvalidArgumentError);
    expect(() => conv1d(x(), filter, { stride: 0 })).toThrow('conv1d: stride must be a positive integer, got 0');
    expect(() => conv1d(x(), filter, { padding: [1] as unknown as [number, number] })).toThrow(
      /conv1d: padding must be/,
    );
    expect(() => conv1d(x(), tensor(randomValues(7 * 3 * 2, seededRandom(4)), [7, 3, 2]))).toThrow(
      /conv1d: the window spans 1x7/,
    );
  });
});
