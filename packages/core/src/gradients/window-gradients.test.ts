/**
 * The gradient rules of the conv/pool kernels, including the second-order ones (the gradients of the backward
 * kernels), run through ENGINE.runKernel on every window test backend: native CPU kernels, composites only,
 * and float64 loop kernels (where every rule in this folder runs on kernels that are not composites).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grads } from '../autograd/grads';
import type { Conv2dAttributes, Pool2dAttributes } from '../backend/kernel-specs';
import { setBackend } from '../backend-api/set-backend';
import { ENGINE } from '../engine/engine';
import { tidy } from '../memory/tidy';
import { mul } from '../ops/mul';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { checkGradients } from '../test-utils/gradient-check';
import { lossWeights, randomValues, seededRandom } from '../test-utils/oracle';
import { referenceAvgPool2dBackward, referenceMaxPool2dBackward } from '../test-utils/pool-references';
import { sizeOf } from '../test-utils/window-padding';
import { referenceConv2dBackpropFilter, referenceConv2dBackpropInput } from '../test-utils/window-references';
import { registerWindowTestBackends, WINDOW_TEST_BACKENDS } from '../test-utils/window-test-backends';

interface ConvolutionCase {
  name: string;
  input: number[];
  filter: number[];
  dy: number[];
  attributes: Conv2dAttributes;
}

const CONVOLUTIONS: ConvolutionCase[] = [
  {
    name: "stride 2, 'same'-style padding",
    input: [2, 6, 5, 2],
    filter: [3, 3, 2, 4],
    dy: [2, 3, 3, 4],
    attributes: { strides: [2, 2], dilations: [1, 1], padding: [0, 1, 1, 1] },
  },
  {
    name: 'dilations 2, padding 2',
    input: [1, 7, 6, 2],
    filter: [3, 3, 2, 3],
    dy: [1, 7, 6, 3],
    attributes: { strides: [1, 1], dilations: [2, 2], padding: [2, 2, 2, 2] },
  },
  {
    name: 'asymmetric strides and padding, unused trailing columns',
    input: [2, 5, 8, 1],
    filter: [2, 3, 1, 2],
    dy: [2, 3, 2, 2],
    attributes: { strides: [2, 3], dilations: [1, 1], padding: [1, 0, 0, 0] },
  },
];

interface PoolCase {
  name: string;
  input: number[];
  dy: number[];
  attributes: Pool2dAttributes;
}

const POOLS: PoolCase[] = [
  {
    name: '3x3, stride 2, padded',
    input: [2, 5, 6, 2],
    dy: [2, 3, 3, 2],
    attributes: { poolSize: [3, 3], strides: [2, 2], padding: [1, 1, 1, 0] },
  },
  {
    name: '[2, 3], stride 1, unpadded',
    input: [1, 4, 5, 3],
    dy: [1, 3, 3, 3],
    attributes: { poolSize: [2, 3], strides: [1, 1], padding: [0, 0, 0, 0] },
  },
];

describe.each(WINDOW_TEST_BACKENDS)('window kernel gradient rules on %s', (backendName) => {
  beforeAll(async () => {
    registerWindowTestBackends();
    await setBackend(backendName);
  });
  afterAll(async () => {
    await setBackend('cpu');
  });

  CONVOLUTIONS.forEach((testCase, caseIndex) => {
    it(`conv2dBackpropInput (${testCase.name}): gradients of dy and filter match finite differences`, () => {
      const random = seededRandom(1 + caseIndex);
      checkGradients({
        inputs: [
          { values: randomValues(sizeOf(testCase.dy), random), shape: testCase.dy },
          { values: randomValues(sizeOf(testCase.filter), random), shape: testCase.filter },
        ],
        tessera: (dy, filter) =>
          ENGINE.runKernel(
            'conv2dBackpropInput',
            { dy, filter },
            { ...testCase.attributes, inputShape: testCase.input },
          ),
        reference: ([dy, filter]) =>
          referenceConv2dBackpropInput(dy, filter, testCase.filter, testCase.input, testCase.attributes).values,
      });
    });

    it(`conv2dBackpropFilter (${testCase.name}): gradients of x and dy match finite differences`, () => {
      const random = seededRandom(10 + caseIndex);
      checkGradients({
        inputs: [
          { values: randomValues(sizeOf(testCase.input), random), shape: testCase.input },
          { values: randomValues(sizeOf(testCase.dy), random), shape: testCase.dy },
        ],
        tessera: (x, dy) =>
          ENGINE.runKernel('conv2dBackpropFilter', { x, dy }, { ...testCase.attributes, filterShape: testCase.filter }),
        reference: ([x, dy]) =>
          referenceConv2dBackpropFilter(x, testCase.input, dy, testCase.filter, testCase.attributes).values,
      });
    });
  });

  POOLS.forEach((testCase, caseIndex) => {
    it(`maxPool2dBackward (${testCase.name}): the gradient of dy matches finite differences, x gets none`, () => {
      const random = seededRandom(30 + caseIndex);
      const xValues = randomValues(sizeOf(testCase.input), random);
      tidy(() => {
        const x = tensor(xValues, testCase.input);
        checkGradients({
          inputs: [{ values: randomValues(sizeOf(testCase.dy), random), shape: testCase.dy }],
          tessera: (dy) => ENGINE.runKernel('maxPool2dBackward', { dy, x }, testCase.attributes),
          reference: ([dy]) => referenceMaxPool2dBackward(dy, xValues, testCase.input, testCase.attributes).values,
        });
        const dy = tensor(randomValues(sizeOf(testCase.dy), random), testCase.dy);
        const weights = tensor(lossWeights(sizeOf(testCase.input)), testCase.input);
        const [, xGradient] = grads((dyInput: Tensor, xInput: Tensor) =>
          sum(mul(ENGINE.runKernel('maxPool2dBackward', { dy: dyInput, x: xInput }, testCase.attributes), weights)),
        )([dy, x]);
        expect(Array.from(xGradient.dataSync()).every((value) => value === 0)).toBe(true);
      });
    });

    it(`avgPool2dBackward (${testCase.name}): the gradient of dy matches finite differences`, () => {
      const random = seededRandom(40 + caseIndex);
      checkGradients({
        inputs: [{ values: randomValues(sizeOf(testCase.dy), random), shape: testCase.dy }],
        tessera: (dy) =>
          ENGINE.runKernel('avgPool2dBackward', { dy }, { ...testCase.attributes, inputShape: testCase.input }),
        reference: ([dy]) => referenceAvgPool2dBackward(dy, testCase.input, testCase.attributes).values,
      });
    });
  });
});
