import * as tf from '@tensorflow/tfjs';
import { mean, memory, square, type Tensor, tensor, tidy, variableGrads } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Conv2D } from './conv2d-layer';
import { MaxPool2D } from './max-pool2d-layer';

function randomValues(count: number): Float32Array {
  return Float32Array.from({ length: count }, () => Math.random() * 2 - 1);
}

function expectClose(actual: Tensor, expected: tf.Tensor, tolerance = 1e-4): void {
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

describe('Conv2D', () => {
  for (const { padding, strides } of [
    { padding: 'valid', strides: 1 },
    { padding: 'same', strides: 2 },
  ] as const) {
    it(`matches tf.layers.conv2d with padding ${padding}, strides ${strides}`, () => {
      const inputShape = [2, 7, 6, 3];
      const input = randomValues(2 * 7 * 6 * 3);
      const kernel = randomValues(3 * 3 * 3 * 4);
      const bias = randomValues(4);
      const layer = new Conv2D({ filters: 4, kernelSize: 3, strides, padding, activation: 'relu' });
      layer.build([null, 7, 6, 3]);
      layer.setWeights([tensor(kernel, [3, 3, 3, 4]), tensor(bias, [4])]);
      const reference = tf.layers.conv2d({ filters: 4, kernelSize: 3, strides, padding, activation: 'relu' });
      reference.apply(tf.zeros([1, 7, 6, 3]));
      reference.setWeights([tf.tensor(kernel, [3, 3, 3, 4]), tf.tensor(bias, [4])]);
      const expected = reference.apply(tf.tensor(input, inputShape)) as tf.Tensor;
      expectClose(layer.apply(tensor(input, inputShape)), expected);
      expect(layer.computeOutputShape([null, 7, 6, 3])).toEqual([null, ...expected.shape.slice(1)]);
      expect(layer.countParams()).toBe(reference.countParams());
      layer.dispose();
    });
  }

  it('kernel gradients match central finite differences', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 2, activation: 'tanh' });
    const input = tensor(randomValues(1 * 4 * 4 * 2), [1, 4, 4, 2]);
    layer.build([null, 4, 4, 2]);
    const loss = () => mean(square(layer.apply(input)));
    const { value, grads } = variableGrads(loss, layer.trainableWeights);
    value.dispose();
    const step = 1e-2;
    for (const weight of layer.weights) {
      const analytic = grads[weight.name].dataSync();
      const base = Float32Array.from(weight.dataSync());
      for (let position = 0; position < base.length; position++) {
        const evaluate = (offset: number): number => {
          const shifted = Float32Array.from(base);
          shifted[position] += offset;
          tidy(() => weight.assign(tensor(shifted, weight.shape)));
          return tidy(() => loss().dataSync()[0]);
        };
        expect(Math.abs((evaluate(step) - evaluate(-step)) / (2 * step) - analytic[position])).toBeLessThan(2e-3);
      }
      tidy(() => weight.assign(tensor(base, weight.shape)));
    }
    layer.dispose();
  });

  it('rejects bad options and inputs', () => {
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(
      'Conv2D: filters must be a positive integer, got 0',
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: [3, 0] })).toThrow(
      /kernelSize must be a positive integer or a pair/,
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, padding: 'full' as 'same' })).toThrow(
      /padding must be 'valid' or 'same', got full/,
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: 3 }).apply(tensor(randomValues(12), [3, 4]))).toThrow(
      /expected input \[batch, height, width, channels\] with known channels, got \[3,4\]/,
    );
  });
});

describe('MaxPool2D', () => {
  for (const padding of ['valid', 'same'] as const) {
    it(`matches tf.layers.maxPooling2d with padding ${padding}`, () => {
      const input = randomValues(2 * 5 * 7 * 3);
      const layer = new MaxPool2D({ poolSize: 2, padding });
      const expected = tf.layers
        .maxPooling2d({ poolSize: 2, padding })
        .apply(tf.tensor(input, [2, 5, 7, 3])) as tf.Tensor;
      expectClose(layer.apply(tensor(input, [2, 5, 7, 3])), expected);
      expect(layer.computeOutputShape([null, 5, 7, 3])).toEqual([null, ...expected.shape.slice(1)]);
    });
  }

  it('leaks no tensors across repeated calls', () => {
    const convolution = new Conv2D({ filters: 2, kernelSize: 3, padding: 'same' });
    const pool = new MaxPool2D();
    const input = tensor(randomValues(1 * 6 * 6 * 1), [1, 6, 6, 1]);
    const run = () => tidy(() => pool.apply(convolution.apply(input))).dispose();
    run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) run();
    expect(memory().numTensors).toBe(before);
    convolution.dispose();
  });
});
