import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grads } from '../autograd/grads';
import { setBackend } from '../backend-api/set-backend';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, lossWeights, randomIntegers, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { type PoolAttributes, referenceMaxPool2d } from '../test-utils/pool-references';
import { pairOf, sizeOf, type TestPadding, toExplicitPadding, toTfPadding } from '../test-utils/window-padding';
import {
  computeOnEachBackend,
  expectBackendsAgree,
  registerWindowTestBackends,
  WINDOW_TEST_BACKENDS,
} from '../test-utils/window-test-backends';
import type { Pool2dOptions } from './internal/resolve-pool';
import { maxPool2d } from './max-pool2d';
import { mul } from './mul';
import { sum } from './sum';
import { tensor } from './tensor';

interface PoolCase {
  name: string;
  x: number[];
  options: Pool2dOptions;
}

const CASES: PoolCase[] = [
  { name: '2x2, strides default to the pool size', x: [1, 6, 6, 2], options: { poolSize: 2 } },
  {
    name: "3x3, stride 2, 'same', odd sizes, batch 3",
    x: [3, 7, 5, 3],
    options: { poolSize: 3, strides: 2, padding: 'same' },
  },
  { name: '[2, 3] pool, stride 1, valid', x: [2, 5, 7, 1], options: { poolSize: [2, 3], strides: 1 } },
  { name: "1x1 pool, stride 2, 'same'", x: [1, 5, 5, 2], options: { poolSize: 1, strides: 2, padding: 'same' } },
  {
    name: 'explicit padding, strides [2, 1]',
    x: [1, 6, 5, 2],
    options: {
      poolSize: [3, 2],
      strides: [2, 1],
      padding: [
        [1, 2],
        [0, 1],
      ],
    },
  },
  { name: 'numeric padding 1, 3x3, stride 2', x: [2, 6, 6, 2], options: { poolSize: 3, strides: 2, padding: 1 } },
  { name: "even pool, 'same', stride 1", x: [1, 4, 5, 2], options: { poolSize: [2, 4], strides: 1, padding: 'same' } },
];

function attributesOf(testCase: PoolCase): PoolAttributes {
  const poolSize = pairOf(testCase.options.poolSize);
  const strides = pairOf(testCase.options.strides, poolSize);
  const padding = toExplicitPadding(
    testCase.options.padding as TestPadding,
    [testCase.x[1], testCase.x[2]],
    poolSize,
    strides,
  );
  return { poolSize, strides, padding };
}

function tfPool(testCase: PoolCase): (x: tf.Tensor) => tf.Tensor {
  const { poolSize, strides } = attributesOf(testCase);
  return (x) => tf.maxPool(x as tf.Tensor4D, poolSize, strides, toTfPadding(testCase.options.padding as TestPadding));
}

describe.each(WINDOW_TEST_BACKENDS)('maxPool2d on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: values match tf.maxPool`, () => {
      const values = randomValues(sizeOf(testCase.x), seededRandom(10 + caseIndex));
      tidy(() => {
        const expected = tfPool(testCase)(tf.tensor(values, testCase.x));
        expectMatchesTf(maxPool2d(tensor(values, testCase.x), testCase.options), expected, { rtol: 0, atol: 0 });
        expected.dispose();
      });
    });

    it(`${testCase.name}: gradients match tf.grads and finite differences`, () => {
      const values = randomValues(sizeOf(testCase.x), seededRandom(20 + caseIndex));
      checkGradients({
        inputs: [{ values, shape: testCase.x }],
        tessera: (x) => maxPool2d(x, testCase.options),
        tfjs: tfPool(testCase),
        reference: ([x]) => referenceMaxPool2d(x, testCase.x, attributesOf(testCase)).values,
      });
    });

    it(`${testCase.name}: with ties the gradient goes to the first maximum, as tfjs`, () => {
      // Few distinct values make most windows hold several equal maxima.
      const values = randomIntegers(sizeOf(testCase.x), seededRandom(30 + caseIndex), 0, 3);
      tidy(() => {
        const weights = lossWeights(sizeOf(referenceMaxPool2d(values, testCase.x, attributesOf(testCase)).shape));
        const x = tensor(values, testCase.x);
        const outputShape = maxPool2d(x, testCase.options).shape;
        const weightsTensor = tensor(weights, outputShape);
        const [gradient] = grads((input: Tensor) => sum(mul(maxPool2d(input, testCase.options), weightsTensor)))([x]);
        const tfWeights = tf.tensor(weights, [...outputShape]);
        const [expected] = tf.grads((input: tf.Tensor) => tf.sum(tf.mul(tfPool(testCase)(input), tfWeights)))([
          tf.tensor(values, testCase.x),
        ]);
        expectMatchesTf(gradient, expected, { rtol: 1e-6, atol: 1e-6 });
        tf.dispose([tfWeights, expected]);
      });
    });
  });

  it('never picks a padded position, even when every real value is negative', () => {
    tidy(() => {
      const values = [-5, -3, -4, -6, -2, -7, -8, -9, -1];
      const x = tensor(values, [1, 3, 3, 1]);
      const output = maxPool2d(x, { poolSize: 2, strides: 2, padding: 1 });
      expect(Array.from(output.dataSync())).toEqual([-5, -3, -6, -1]);
      const [gradient] = grads((input: Tensor) => sum(maxPool2d(input, { poolSize: 2, strides: 2, padding: 1 })))([x]);
      expect(Array.from(gradient.dataSync())).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 1]);
    });
  });

  it('accepts rank-3 input and converts int32 to float32', () => {
    tidy(() => {
      const output = maxPool2d(tensor([1, 5, 3, 2, 7, 0, 4, 6], [2, 2, 2], 'int32'), { poolSize: 2 });
      expect(output.shape).toEqual([1, 1, 2]);
      expect(output.dtype).toBe('float32');
      expect(Array.from(output.dataSync())).toEqual([7, 6]);
    });
  });

  it('leaves only its result behind outside a gradient tape', () => {
    tidy(() => {
      const x = tensor(randomValues(2 * 5 * 5 * 2, seededRandom(8)), [2, 5, 5, 2]);
      const before = memory().numTensors;
      maxPool2d(x, { poolSize: 3, strides: 2, padding: 'same' }).dispose();
      expect(memory().numTensors).toBe(before);
    });
  });
});

describe('maxPool2d composites agree with native kernels', () => {
  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: same values and gradients on every backend`, async () => {
      const values = randomIntegers(sizeOf(testCase.x), seededRandom(40 + caseIndex), -3, 3);
      const results = await computeOnEachBackend(() =>
        tidy(() => {
          const x = tensor(values, testCase.x);
          const output = maxPool2d(x, testCase.options);
          const weights = tensor(lossWeights(output.size), output.shape);
          const [gradient] = grads((input: Tensor) => sum(mul(maxPool2d(input, testCase.options), weights)))([x]);
          return [output, gradient].map((result) => Array.from(result.dataSync()));
        }),
      );
      expectBackendsAgree(results, 0, 1e-6);
    });
  });
});

describe('maxPool2d argument checks', () => {
  const x = () => tensor(randomValues(2 * 5 * 5 * 3, seededRandom(1)), [2, 5, 5, 3]);

  it('rejects padding as large as the pool', () => {
    expect(() => maxPool2d(x(), { poolSize: 2, padding: 2 })).toThrow(ShapeError);
    expect(() =>
      maxPool2d(x(), {
        poolSize: 2,
        padding: [
          [0, 0],
          [2, 0],
        ],
      }),
    ).toThrow(
      /maxPool2d: padding must be smaller than the pool size on every side, got padding \[top, bottom, left, right\]=\[0,0,2,0\] for poolSize \[2,2\]/,
    );
  });

  it('rejects a pool larger than the input, bad options and wrong ranks', () => {
    expect(() => maxPool2d(x(), { poolSize: 6 })).toThrow(/maxPool2d: the window spans 6x6 input positions/);
    expect(() => maxPool2d(x(), { poolSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => maxPool2d(x(), { poolSize: 2, strides: -1 })).toThrow(/maxPool2d: strides must be a positive integer/);
    expect(() => maxPool2d(x(), undefined as unknown as Pool2dOptions)).toThrow(
      /maxPool2d: expected options \{ poolSize/,
    );
    expect(() => maxPool2d(tensor([1, 2], [2]), { poolSize: 1 })).toThrow(/maxPool2d: x must have rank 4/);
    expect(() => maxPool2d(tensor([true], [1, 1, 1, 1]), { poolSize: 1 })).toThrow(DTypeError);
  });
});
