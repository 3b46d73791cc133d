import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grads } from '../autograd/grads';
import { setBackend } from '../backend-api/set-backend';
import { ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, expectValuesClose, lossWeights, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { type PoolAttributes, referenceAvgPool2d } from '../test-utils/pool-references';
import { pairOf, sizeOf, type TestPadding, toExplicitPadding, toTfPadding } from '../test-utils/window-padding';
import {
  computeOnEachBackend,
  expectBackendsAgree,
  registerWindowTestBackends,
  WINDOW_TEST_BACKENDS,
} from '../test-utils/window-test-backends';
import { avgPool2d } from './avg-pool2d';
import type { Pool2dOptions } from './internal/resolve-pool';
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
  return (x) => tf.avgPool(x as tf.Tensor4D, poolSize, strides, toTfPadding(testCase.options.padding as TestPadding));
}

describe.each(WINDOW_TEST_BACKENDS)('avgPool2d on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: values match tf.avgPool (padding left out of the mean)`, () => {
      const values = randomValues(sizeOf(testCase.x), seededRandom(10 + caseIndex));
      tidy(() => {
        const expected = tfPool(testCase)(tf.tensor(values, testCase.x));
        expectMatchesTf(avgPool2d(tensor(values, testCase.x), testCase.options), expected, { rtol: 1e-5, atol: 1e-6 });
        expected.dispose();
      });
    });

    // tfjs's CPU gradient divides by the full window size even where the forward pass divided by fewer
    // (padded borders), so it is the oracle only where no window touches padding.
    const padded = attributesOf(testCase).padding.some((amount) => amount > 0);
    it(`${testCase.name}: gradients match ${padded ? 'finite differences' : 'tf.grads and finite differences'}`, () => {
      const values = randomValues(sizeOf(testCase.x), seededRandom(20 + caseIndex));
      checkGradients({
        inputs: [{ values, shape: testCase.x }],
        tessera: (x) => avgPool2d(x, testCase.options),
        tfjs: padded ? undefined : tfPool(testCase),
        reference: ([x]) => referenceAvgPool2d(x, testCase.x, attributesOf(testCase)).values,
      });
    });
  });

  it("divides the gradient by the window's unpadded count at 'same' borders", () => {
    tidy(() => {
      // 3x3 input, 2x2 pool, stride 1, 'same' pads one row below and one column right. The bottom-right
      // element is in four windows holding 4, 2, 2 and 1 real elements.
      const x = tensor(randomValues(9, seededRandom(4)), [1, 3, 3, 1]);
      const [gradient] = grads((input: Tensor) => sum(avgPool2d(input, { poolSize: 2, strides: 1, padding: 'same' })))([
        x,
      ]);
      const values = gradient.dataSync();
      expect(values[8]).toBeCloseTo(1 / 4 + 1 / 2 + 1 / 2 + 1, 6);
      expect(values[0]).toBeCloseTo(1 / 4, 6);
      expect(values[4]).toBeCloseTo(4 / 4, 6);
    });
  });

  it('accepts rank-3 input', () => {
    tidy(() => {
      const output = avgPool2d(tensor([1, 5, 3, 2, 7, 0, 4, 6], [2, 2, 2]), { poolSize: 2 });
      expect(output.shape).toEqual([1, 1, 2]);
      expectValuesClose(output.dataSync(), [15 / 4, 13 / 4]);
    });
  });

  it('leaves only its result behind outside a gradient tape', () => {
    tidy(() => {
      const x = tensor(randomValues(2 * 5 * 5 * 2, seededRandom(8)), [2, 5, 5, 2]);
      const before = memory().numTensors;
      avgPool2d(x, { poolSize: 3, strides: 2, padding: 'same' }).dispose();
      expect(memory().numTensors).toBe(before);
    });
  });

  it('rejects padding as large as the pool', () => {
    const x = tensor(randomValues(2 * 5 * 5 * 3, seededRandom(1)), [2, 5, 5, 3]);
    expect(() => avgPool2d(x, { poolSize: 2, padding: 2 })).toThrow(ShapeError);
    expect(() => avgPool2d(x, { poolSize: 2, padding: 2 })).toThrow(
      /avgPool2d: padding must be smaller than the pool size/,
    );
  });
});

describe('avgPool2d composites agree with native kernels', () => {
  CASES.forEach((testCase, caseIndex) => {
    it(`${testCase.name}: same values and gradients on every backend`, async () => {
      const values = randomValues(sizeOf(testCase.x), seededRandom(40 + caseIndex));
      const results = await computeOnEachBackend(() =>
        tidy(() => {
          const x = tensor(values, testCase.x);
          const output = avgPool2d(x, testCase.options);
          const weights = tensor(lossWeights(output.size), output.shape);
          const [gradient] = grads((input: Tensor) => sum(mul(avgPool2d(input, testCase.options), weights)))([x]);
          return [output, gradient].map((result) => Array.from(result.dataSync()));
        }),
      );
      expectBackendsAgree(results, 1e-5, 1e-6);
    });
  });
});
