import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grads } from '../autograd/grads';
import { valueAndGrads } from '../autograd/value-and-grads';
import type { Backend, KernelMap } from '../backend/backend-definition';
import { defineBackend } from '../backend/define-backend';
import { type Activation, REQUIRED_KERNELS } from '../backend/kernel-specs';
import { supports } from '../backend/supports';
import { createCpuBackend } from '../backends/cpu/create-cpu-backend';
import { ENGINE } from '../engine/engine';
import { keep } from '../memory/keep';
import { tidy } from '../memory/tidy';
import { broadcastTo } from '../ops/broadcast-to';
import { logSoftmax } from '../ops/log-softmax';
import { mean } from '../ops/mean';
import { mul } from '../ops/mul';
import { neg } from '../ops/neg';
import { softmax } from '../ops/softmax';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { expectMatchesTf, expectValuesClose, randomValues, seededRandom, tf } from '../test-utils/oracle';
import { registerBackend } from './register-backend';
import { removeBackend } from './remove-backend';
import { setBackend } from './set-backend';

const REQUIRED_ONLY = 'required-only';
const kernelCalls: string[] = [];

/** The CPU backend's required kernels alone, on its own storage, with every kernel call recorded. */
function createRequiredOnlyBackend(): Backend {
  const cpu = createCpuBackend();
  const entries = REQUIRED_KERNELS.map((name) => {
    const kernel = cpu.kernels[name] as (inputs: unknown, attributes: unknown) => unknown;
    return [
      name,
      (inputs: unknown, attributes: unknown) => {
        kernelCalls.push(name);
        return kernel(inputs, attributes);
      },
    ];
  });
  return defineBackend({
    specVersion: 1,
    name: REQUIRED_ONLY,
    storage: cpu.storage,
    kernels: Object.fromEntries(entries) as unknown as KernelMap,
  });
}

beforeAll(() => {
  registerBackend(createRequiredOnlyBackend());
});

afterAll(async () => {
  await setBackend('cpu');
  removeBackend(REQUIRED_ONLY);
});

/** Runs `body` on a backend, returning the values of the tensors it produces (so nothing crosses backends). */
async function on(backendName: string, body: () => Tensor[]): Promise<Float32Array[]> {
  await setBackend(backendName);
  return tidy(() => body().map((result) => result.dataSync() as Float32Array));
}

describe('a backend with only the required kernels', () => {
  it('supports none of the optional kernels, while the CPU backend implements them natively', () => {
    const requiredOnly = ENGINE.registry.find(REQUIRED_ONLY) as Backend;
    const cpu = ENGINE.registry.find('cpu') as Backend;
    for (const name of ['softmax', 'logSoftmax', 'fusedMatmul', 'broadcastTo'] as const) {
      expect(supports(requiredOnly, name)).toBe(false);
      expect(supports(cpu, name)).toBe(true);
    }
  });

  it('runs softmax through the composite, built from required kernels only', async () => {
    kernelCalls.length = 0;
    await on(REQUIRED_ONLY, () => [softmax(tensor([[1, 2, 3]]))]);
    expect(kernelCalls).toEqual(expect.arrayContaining(['reduce', 'binary', 'unary']));
    expect(kernelCalls.every((name) => (REQUIRED_KERNELS as readonly string[]).includes(name))).toBe(true);
  });

  const random = seededRandom(51);
  const logits = randomValues(3 * 5, random, -4, 4);
  const upstream = randomValues(3 * 5, random, -1, 1);

  for (const [label, op, opTf] of [
    ['softmax', (x: Tensor) => softmax(x), (x: tf.Tensor) => tf.softmax(x)],
    ['logSoftmax', (x: Tensor) => logSoftmax(x), (x: tf.Tensor) => tf.logSoftmax(x)],
    ['softmax on axis 0', (x: Tensor) => softmax(x, 0), (x: tf.Tensor) => tf.softmax(tf.transpose(x)).transpose()],
  ] as const) {
    it(`${label}: the composite matches the CPU kernel and tf in values and gradients`, async () => {
      const compute = () => {
        const x = tensor(logits, [3, 5]);
        const dy = tensor(upstream, [3, 5]);
        return [op(x), grads((input: Tensor) => op(input))([x], dy)[0]];
      };
      const [compositeValue, compositeGradient] = await on(REQUIRED_ONLY, compute);
      const [nativeValue, nativeGradient] = await on('cpu', compute);
      expectValuesClose(compositeValue, nativeValue, 1e-5, 1e-6);
      expectValuesClose(compositeGradient, nativeGradient, 1e-4, 1e-6);
      const xTf = tf.tensor(logits, [3, 5]);
      const expectedGradient = tf.grad((input: tf.Tensor) => opTf(input))(xTf, tf.tensor(upstream, [3, 5]));
      expectValuesClose(compositeValue, opTf(xTf).dataSync(), 1e-5, 1e-6);
      expectValuesClose(compositeGradient, expectedGradient.dataSync(), 1e-4, 1e-6);
    });
  }

  it('broadcastTo: the composite matches the CPU kernel in values and gradients', async () => {
    const values = randomValues(3, random);
    const upstreamValues = randomValues(2 * 4 * 3, random);
    const compute = () => {
      const x = tensor(values, [1, 3]);
      const dy = tensor(upstreamValues, [2, 4, 3]);
      return [broadcastTo(x, [2, 4, 3]), grads((input: Tensor) => broadcastTo(input, [2, 4, 3]))([x], dy)[0]];
    };
    const [compositeValue, compositeGradient] = await on(REQUIRED_ONLY, compute);
    const [nativeValue, nativeGradient] = await on('cpu', compute);
    expect(Array.from(compositeValue)).toEqual(Array.from(nativeValue));
    expectValuesClose(compositeGradient, nativeGradient, 1e-5, 1e-6);
    const expected = tf.grad((input: tf.Tensor) => tf.broadcastTo(input, [2, 4, 3]))(
      tf.tensor(values, [1, 3]),
      tf.tensor(upstreamValues, [2, 4, 3]),
    );
    expectValuesClose(compositeGradient, expected.dataSync(), 1e-5, 1e-6);
  });

  for (const activation of ['linear', 'relu', 'sigmoid', 'tanh'] as const) {
    it(`fusedMatmul with ${activation}: the composite matches the CPU kernel and tf`, async () => {
      const a = randomValues(4 * 3, random);
      const b = randomValues(3 * 5, random);
      const bias = randomValues(5, random);
      const dyValues = randomValues(4 * 5, random);
      const compute = () => {
        const inputs = [tensor(a, [4, 3]), tensor(b, [3, 5]), tensor(bias, [5])];
        const fused = (left: Tensor, right: Tensor, shift: Tensor) =>
          ENGINE.runKernel(
            'fusedMatmul',
            { a: left, b: right, bias: shift },
            { transposeA: false, transposeB: false, activation },
          );
        return [
          fused(inputs[0], inputs[1], inputs[2]),
          ...grads(fused)(inputs as [Tensor, Tensor, Tensor], tensor(dyValues, [4, 5])),
        ];
      };
      const composite = await on(REQUIRED_ONLY, compute);
      const native = await on('cpu', compute);
      composite.forEach((values, index) => {
        expectValuesClose(values, native[index], 1e-4, 1e-5);
      });

      const activate: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
        linear: (x) => x,
        relu: (x) => tf.relu(x),
        sigmoid: (x) => tf.sigmoid(x),
        tanh: (x) => tf.tanh(x),
      };
      const fusedTf = (left: tf.Tensor, right: tf.Tensor, shift: tf.Tensor) =>
        activate[activation](tf.add(tf.matMul(left as tf.Tensor2D, right as tf.Tensor2D), shift));
      const inputsTf = [tf.tensor(a, [4, 3]), tf.tensor(b, [3, 5]), tf.tensor(bias, [5])];
      const expected = [
        fusedTf(inputsTf[0], inputsTf[1], inputsTf[2]),
        ...tf.grads(fusedTf)(inputsTf, tf.tensor(dyValues, [4, 5])),
      ];
      composite.forEach((values, index) => {
        expectValuesClose(values, expected[index].dataSync(), 1e-4, 1e-5);
      });
    });
  }

  it('trains a tiny classifier to the same weights as the CPU backend', async () => {
    const seedRandom = seededRandom(52);
    const inputValues = randomValues(6 * 4, seedRandom, -1, 1);
    const labels = [0, 1, 2, 1, 0, 2];
    const oneHotValues = labels.flatMap((label) => [0, 1, 2].map((column) => (column === label ? 1 : 0)));
    const initial = {
      hiddenWeights: randomValues(4 * 8, seedRandom, -0.5, 0.5),
      hiddenBias: randomValues(8, seedRandom, -0.1, 0.1),
      outputWeights: randomValues(8 * 3, seedRandom, -0.5, 0.5),
      outputBias: randomValues(3, seedRandom, -0.1, 0.1),
    };

    const train = (): Tensor[] => {
      const inputs = tensor(inputValues, [6, 4]);
      const targets = tensor(oneHotValues, [6, 3]);
      let parameters = [
        tensor(initial.hiddenWeights, [4, 8]),
        tensor(initial.hiddenBias, [1, 8]),
        tensor(initial.outputWeights, [8, 3]),
        tensor(initial.outputBias, [3]),
      ];
      const lossOf = (hiddenWeights: Tensor, hiddenBias: Tensor, outputWeights: Tensor, outputBias: Tensor) => {
        const hidden = ENGINE.runKernel(
          'fusedMatmul',
          { a: inputs, b: hiddenWeights, bias: broadcastTo(hiddenBias, [6, 8]) },
          { transposeA: false, transposeB: false, activation: 'relu' },
        );
        const logits = ENGINE.runKernel(
          'fusedMatmul',
          { a: hidden, b: outputWeights, bias: outputBias },
          { transposeA: false, transposeB: false, activation: 'tanh' },
        );
        // Cross-entropy through logSoftmax, plus a term through softmax so that both composites are trained through.
        const crossEntropy = neg(mean(sum(mul(logSoftmax(mul(logits, 3)), targets), -1)));
        return sub(crossEntropy, mul(mean(sum(mul(softmax(logits), targets), -1)), 0.1));
      };
      const losses: Tensor[] = [];
      for (let step = 0; step < 25; step++) {
        parameters = tidy(() => {
          const { value, grads: gradients } = valueAndGrads(lossOf)(parameters as [Tensor, Tensor, Tensor, Tensor]);
          losses.push(keep(value));
          return parameters.map((parameter, index) => keep(sub(parameter, mul(gradients[index], 0.5))));
        });
      }
      return [...parameters, losses[0], losses[losses.length - 1]];
    };

    const composite = await on(REQUIRED_ONLY, train);
    const native = await on('cpu', train);
    const [firstLoss, lastLoss] = [composite[4][0], composite[5][0]];
    expect(lastLoss).toBeLessThan(firstLoss * 0.8);
    composite.forEach((values, index) => {
      expectValuesClose(values, native[index], 1e-3, 1e-4);
    });
  });
});

describe('the same tiny computation checked against tf', () => {
  it('softmax cross-entropy gradient on the required-only backend', async () => {
    const random = seededRandom(53);
    const logits = randomValues(4 * 3, random, -2, 2);
    const targets = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0];
    const [gradient] = await on(REQUIRED_ONLY, () => [
      grads((input: Tensor) => neg(mean(sum(mul(logSoftmax(input), tensor(targets, [4, 3])), -1))))([
        tensor(logits, [4, 3]),
      ])[0],
    ]);
    const expected = tf.grad((input: tf.Tensor) =>
      tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(input), tf.tensor(targets, [4, 3])), -1))),
    )(tf.tensor(logits, [4, 3]));
    await setBackend('cpu');
    expectMatchesTf(tensor(Array.from(gradient), [4, 3]), expected, { rtol: 1e-4, atol: 1e-6 });
  });
});
