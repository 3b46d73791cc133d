import * as tf from '@tensorflow/tfjs';
import { memory, type Tensor, tensor, tidy } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationName } from '../activations/get-activation';
import { Activation } from './activation';
import { Dense } from './dense';
import { Dropout } from './dropout-layer';
import { Flatten } from './flatten';
import { Reshape } from './reshape-layer';

function randomValues(count: number, scale = 1): Float32Array {
  return Float32Array.from({ length: count }, () => (Math.random() * 2 - 1) * scale);
}

function expectClose(actual: Tensor, expected: tf.Tensor, tolerance = 1e-5): void {
  expect(actual.shape).toEqual(expected.shape);
  const got = actual.dataSync();
  const want = expected.dataSync();
  for (let position = 0; position < want.length; position++) {
    expect(Math.abs(got[position] - want[position])).toBeLessThanOrEqual(tolerance * (1 + Math.abs(want[position])));
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// tfjs-layers' activation identifiers where they differ from ours.
const tfjsActivation: Partial<Record<ActivationName, string>> = { silu: 'swish' };
const compared: ActivationName[] = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'silu',
  'relu6',
  'gelu',
];

describe('Dense', () => {
  for (const activation of compared) {
    it(`matches tf.layers.dense with activation ${activation}`, () => {
      const input = randomValues(5 * 4, 3);
      const kernel = randomValues(4 * 3);
      const bias = randomValues(3);
      const layer = new Dense({ units: 3, activation });
      const output = layer.apply(tensor(input, [5, 4]));
      layer.setWeights([tensor(kernel, [4, 3]), tensor(bias, [3])]);
      const reference = tf.layers.dense({ units: 3, activation: (tfjsActivation[activation] ?? activation) as 'relu' });
      reference.apply(tf.zeros([1, 4]));
      reference.setWeights([tf.tensor(kernel, [4, 3]), tf.tensor(bias, [3])]);
      expectClose(layer.apply(tensor(input, [5, 4])), reference.apply(tf.tensor(input, [5, 4])) as tf.Tensor);
      output.dispose();
      layer.dispose();
    });
  }

  it('applies to the last axis of rank-3 input, like tf.layers.dense', () => {
    const input = randomValues(2 * 3 * 4);
    const kernel = randomValues(4 * 2);
    const layer = new Dense({ units: 2, useBias: false });
    layer.build([null, 3, 4]);
    layer.setWeights([tensor(kernel, [4, 2])]);
    const reference = tf.layers.dense({ units: 2, useBias: false });
    reference.apply(tf.zeros([1, 3, 4]));
    reference.setWeights([tf.tensor(kernel, [4, 2])]);
    expectClose(layer.apply(tensor(input, [2, 3, 4])), reference.apply(tf.tensor(input, [2, 3, 4])) as tf.Tensor);
    layer.dispose();
  });

  it('names its weights after the layer, counts parameters and is deterministic with a seeded initializer', () => {
    const layer = new Dense({ units: 3, inputShape: [4] });
    layer.build([null, 4]);
    expect(layer.name).toMatch(/^dense_\d+$/);
    expect(layer.weights.map((weight) => weight.name)).toEqual([`${layer.name}/kernel`, `${layer.name}/bias`]);
    expect(layer.countParams()).toBe(15);
    expect(layer.computeOutputShape([null, 4])).toEqual([null, 3]);
    layer.trainable = false;
    expect(layer.trainableWeights).toHaveLength(0);
    layer.dispose();
  });

  it('rejects a wrong input size and wrong weight shapes with ShapeError', () => {
    const layer = new Dense({ units: 2 });
    layer.apply(tensor(randomValues(6), [3, 2])).dispose();
    expect(() => layer.apply(tensor(randomValues(6), [2, 3]))).toThrow(
      /Dense \(dense_\d+\): expected input of shape \[null,2\], got \[2,3\]/,
    );
    expect(() => layer.setWeights([tensor(randomValues(6), [3, 2]), tensor([0, 0])])).toThrow(
      /kernel\) has shape \[2,2\], got \[3,2\]/,
    );
    expect(() => new Dense({ units: 0 })).toThrow(/Dense: units must be a positive integer, got 0/);
    expect(() => new Dense({ units: 2, activation: 'nope' as 'relu' })).toThrow(/unknown activation 'nope'/);
    layer.dispose();
  });

  it('kernel and bias gradients match central finite differences', async () => {
    const { variableGrads, mean, square } = await import('@tessera/core');
    const layer = new Dense({ units: 3, activation: 'tanh' });
    const input = tensor(randomValues(4 * 5), [4, 5]);
    layer.build([null, 5]);
    const loss = () => mean(square(layer.apply(input)));
    const { value, grads } = variableGrads(loss, layer.trainableWeights);
    value.dispose();
    const step = 1e-2;
    for (const weight of layer.weights) {
      const analytic = grads[weight.name].dataSync();
      const base = Float64Array.from(weight.dataSync());
      for (let position = 0; position < base.length; position++) {
        const evaluate = (offset: number): number => {
          const shifted = Float32Array.from(base);
          shifted[position] += offset;
          tidy(() => weight.assign(tensor(shifted, weight.shape)));
          return tidy(() => loss().dataSync()[0]);
        };
        const numeric = (evaluate(step) - evaluate(-step)) / (2 * step);
        expect(Math.abs(numeric - analytic[position])).toBeLessThan(2e-3);
      }
      tidy(() => weight.assign(tensor(Float32Array.from(base), weight.shape)));
    }
    layer.dispose();
  });
});

describe('Activation, Flatten, Reshape, Dropout', () => {
  it('Activation matches tf.layers.activation', () => {
    const input = randomValues(3 * 4, 4);
    for (const activation of ['relu', 'softmax', 'sigmoid'] as const) {
      const reference = tf.layers.activation({ activation }).apply(tf.tensor(input, [3, 4])) as tf.Tensor;
      expectClose(new Activation({ activation }).apply(tensor(input, [3, 4])), reference);
    }
  });

  it('leakyRelu uses alpha 0.2 as Keras does', () => {
    expect(Array.from(new Activation({ activation: 'leakyRelu' }).apply(tensor([[-1, 2]])).dataSync())).toEqual([
      expect.closeTo(-0.2, 6),
      2,
    ]);
  });

  it('Flatten and Reshape match tfjs', () => {
    const input = randomValues(2 * 3 * 4);
    expectClose(
      new Flatten().apply(tensor(input, [2, 3, 4])),
      tf.layers.flatten().apply(tf.tensor(input, [2, 3, 4])) as tf.Tensor,
    );
    const reshape = new Reshape({ targetShape: [4, -1] });
    expect(reshape.computeOutputShape([null, 3, 4])).toEqual([null, 4, 3]);
    expectClose(
      reshape.apply(tensor(input, [2, 3, 4])),
      tf.layers.reshape({ targetShape: [4, 3] }).apply(tf.tensor(input, [2, 3, 4])) as tf.Tensor,
    );
    expect(() => new Reshape({ targetShape: [5] }).apply(tensor(input, [2, 3, 4]))).toThrow(
      /cannot reshape examples of shape \[3,4\] to \[5\]/,
    );
  });

  it('Dropout is the identity at inference and inverted dropout while training', () => {
    const layer = new Dropout({ rate: 0.5, seed: 7 });
    const input = tensor(new Float32Array(4000).fill(1), [40, 100]);
    expectClose(layer.apply(input), tf.layers.dropout({ rate: 0.5 }).apply(tf.ones([40, 100])) as tf.Tensor);
    const trained = layer.apply(input, { training: true }).dataSync();
    const kept = trained.filter((value) => value !== 0);
    expect(kept.every((value) => Math.abs(value - 2) < 1e-6)).toBe(true);
    expect(kept.length / trained.length).toBeGreaterThan(0.45);
    expect(kept.length / trained.length).toBeLessThan(0.55);
    // The same seed replays the same sequence of masks.
    const again = new Dropout({ rate: 0.5, seed: 7 }).apply(input, { training: true }).dataSync();
    expect(Array.from(again)).toEqual(Array.from(trained));
    expect(() => new Dropout({ rate: 1 })).toThrow(/Dropout: rate must be a number in \[0, 1\), got 1/);
  });

  it('leaks no tensors across repeated calls', () => {
    const layers = [new Dense({ units: 3, activation: 'relu' }), new Dropout({ rate: 0.3 }), new Flatten()];
    const input = tensor(randomValues(8), [2, 4]);
    const run = () =>
      tidy(() => layers.reduce((output, layer) => layer.apply(output, { training: true }), input)).dispose();
    run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 5; repeat++) run();
    expect(memory().numTensors).toBe(before);
    for (const layer of layers) layer.dispose();
  });
});
