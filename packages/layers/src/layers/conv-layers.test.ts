import * as tf from '@tensorflow/tfjs';
import {
  InvalidArgumentError,
  memory,
  mul,
  sum,
  type Tensor,
  tensor,
  tidy,
  valueAndGrad,
  variableGrads,
} from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '../layer';
import { Conv1D } from './conv1d-layer';
import { Conv2D } from './conv2d-layer';
import { Conv2DTranspose } from './conv2d-transpose-layer';
import { DepthwiseConv2D } from './depthwise-conv2d-layer';
import { SeparableConv2D } from './separable-conv2d-layer';

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

/** A tfjs computation standing in for a tfjs layer where tfjs-layers lacks the option (given input and weights). */
type ReferenceFunction = (input: tf.Tensor, weights: tf.Tensor[]) => tf.Tensor;

/** Builds both layers, gives them the same random weights and compares outputs and output shapes. */
function compareWithTfjs(ours: Layer, theirs: tf.layers.Layer | ReferenceFunction, inputShape: number[]): void {
  const input = randomValues(inputShape.reduce((product, size) => product * size, 1));
  ours.build([null, ...inputShape.slice(1)]);
  const weights = ours.weights.map((weight) => randomValues(weight.size));
  ours.setWeights(weights.map((values, position) => tensor(values, ours.weights[position].shape)));
  const referenceWeights = weights.map((values, position) => tf.tensor(values, [...ours.weights[position].shape]));
  let expected: tf.Tensor;
  if (typeof theirs === 'function') {
    expected = theirs(tf.tensor(input, inputShape), referenceWeights);
  } else {
    theirs.apply(tf.zeros([1, ...inputShape.slice(1)]));
    expect(theirs.getWeights().map((weight) => weight.shape)).toEqual(ours.weights.map((weight) => weight.shape));
    theirs.setWeights(referenceWeights);
    expected = theirs.apply(tf.tensor(input, inputShape)) as tf.Tensor;
    expect(ours.countParams()).toBe(theirs.countParams());
    expect(ours.namedWeights.map((entry) => entry.key)).toEqual(
      theirs.weights.map((weight) => weight.originalName.split('/').pop()),
    );
  }
  expectClose(ours.apply(tensor(input, inputShape)), expected);
  expect(ours.computeOutputShape([null, ...inputShape.slice(1)])).toEqual([null, ...expected.shape.slice(1)]);
  ours.dispose();
}

/**
 * Parameter and input gradients of sum(output · fixed random weights) against central finite differences.
 * A smooth activation (tanh) keeps the difference quotient accurate at float32 with a step of 1e-2.
 */
function checkGradients(layer: Layer, inputShape: number[]): void {
  const input = tensor(randomValues(inputShape.reduce((product, size) => product * size, 1)), inputShape);
  layer.build(input.shape);
  const outputShape = layer.computeOutputShape(input.shape) as number[];
  const projection = tensor(randomValues(outputShape.reduce((product, size) => product * size, 1)), outputShape);
  const lossOf = (value: Tensor) => sum(mul(layer.apply(value), projection));
  const { value, grads } = variableGrads(() => lossOf(input), layer.trainableWeights);
  value.dispose();
  const step = 1e-2;
  const tolerance = 5e-3;
  for (const weight of layer.weights) {
    const analytic = grads[weight.name].dataSync();
    const base = Float32Array.from(weight.dataSync());
    for (let position = 0; position < base.length; position++) {
      const evaluate = (offset: number): number => {
        const shifted = Float32Array.from(base);
        shifted[position] += offset;
        tidy(() => weight.assign(tensor(shifted, weight.shape)));
        return tidy(() => lossOf(input).dataSync()[0]);
      };
      const numeric = (evaluate(step) - evaluate(-step)) / (2 * step);
      expect(Math.abs(numeric - analytic[position])).toBeLessThan(tolerance * (1 + Math.abs(numeric)));
    }
    tidy(() => weight.assign(tensor(base, weight.shape)));
  }
  const inputGradient = valueAndGrad(lossOf)(input).grad.dataSync();
  const inputValues = Float32Array.from(input.dataSync());
  for (let position = 0; position < inputValues.length; position += 3) {
    const evaluate = (offset: number): number => {
      const shifted = Float32Array.from(inputValues);
      shifted[position] += offset;
      return tidy(() => lossOf(tensor(shifted, inputShape)).dataSync()[0]);
    };
    const numeric = (evaluate(step) - evaluate(-step)) / (2 * step);
    expect(Math.abs(numeric - inputGradient[position])).toBeLessThan(tolerance * (1 + Math.abs(numeric)));
  }
  layer.dispose();
}

describe('Conv1D', () => {
  for (const { padding, strides, dilationRate } of [
    { padding: 'valid', strides: 1, dilationRate: 1 },
    { padding: 'same', strides: 2, dilationRate: 1 },
    { padding: 'valid', strides: 1, dilationRate: 2 },
  ] as const) {
    it(`matches tf.layers.conv1d with padding ${padding}, strides ${strides}, dilationRate ${dilationRate}`, () => {
      const options = { filters: 4, kernelSize: 3, strides, padding, dilationRate, activation: 'relu' } as const;
      compareWithTfjs(new Conv1D(options), tf.layers.conv1d(options), [2, 9, 3]);
    });
  }

  for (const dilationRate of [1, 2]) {
    // tfjs-layers has no causal padding; Keras defines it as left-padding by (kernelSize − 1) · dilationRate.
    it(`causal padding with dilationRate ${dilationRate} equals a valid convolution of the left-padded input`, () => {
      const layer = new Conv1D({ filters: 4, kernelSize: 3, padding: 'causal', dilationRate, activation: 'relu' });
      compareWithTfjs(
        layer,
        (input, [kernel, bias]) => {
          const padded = tf.pad(input, [
            [0, 0],
            [2 * dilationRate, 0],
            [0, 0],
          ]);
          return tf.relu(
            tf.add(tf.conv1d(padded as tf.Tensor3D, kernel as tf.Tensor3D, 1, 'valid', 'NWC', dilationRate), bias),
          );
        },
        [2, 9, 3],
      );
    });
  }

  it('gradients match finite differences', () => {
    checkGradients(new Conv1D({ filters: 2, kernelSize: 2, padding: 'causal', activation: 'tanh' }), [2, 5, 2]);
  });
});

describe('Conv2D with dilationRate', () => {
  for (const padding of ['valid', 'same'] as const) {
    it(`matches tf.layers.conv2d with dilationRate 2 and padding ${padding}`, () => {
      const options = { filters: 3, kernelSize: 3, padding, dilationRate: 2, activation: 'tanh' } as const;
      compareWithTfjs(new Conv2D(options), tf.layers.conv2d(options), [2, 8, 7, 2]);
    });
  }
});

describe('Conv2DTranspose', () => {
  for (const { padding, strides, kernelSize } of [
    { padding: 'valid', strides: 1, kernelSize: 3 },
    { padding: 'valid', strides: 2, kernelSize: 3 },
    { padding: 'same', strides: 2, kernelSize: 3 },
    { padding: 'valid', strides: 3, kernelSize: 2 },
    { padding: 'same', strides: [2, 1], kernelSize: [2, 3] },
  ] as const) {
    it(`matches tf.layers.conv2dTranspose with padding ${padding}, strides ${strides}, kernelSize ${kernelSize}`, () => {
      const options = {
        filters: 3,
        kernelSize: kernelSize as [number, number],
        strides: strides as [number, number],
        padding,
      };
      compareWithTfjs(new Conv2DTranspose(options), tf.layers.conv2dTranspose(options), [2, 4, 5, 2]);
    });
  }

  it('gradients match finite differences', () => {
    checkGradients(new Conv2DTranspose({ filters: 2, kernelSize: 2, strides: 2, activation: 'tanh' }), [1, 2, 3, 2]);
  });
});

describe('DepthwiseConv2D', () => {
  for (const { padding, strides, depthMultiplier } of [
    { padding: 'valid', strides: 1, depthMultiplier: 1 },
    { padding: 'same', strides: 2, depthMultiplier: 2 },
  ] as const) {
    it(`matches tf.layers.depthwiseConv2d with padding ${padding}, strides ${strides}, multiplier ${depthMultiplier}`, () => {
      const options = { kernelSize: 3, strides, padding, depthMultiplier, activation: 'relu' } as const;
      compareWithTfjs(new DepthwiseConv2D(options), tf.layers.depthwiseConv2d(options), [2, 7, 6, 3]);
    });
  }

  for (const padding of ['valid', 'same'] as const) {
    // tfjs-layers' DepthwiseConv2D ignores dilationRate (a TODO in its source), so the tfjs op is the reference.
    it(`with dilationRate 2 and padding ${padding} matches tf.depthwiseConv2d`, () => {
      const layer = new DepthwiseConv2D({
        kernelSize: 3,
        padding,
        depthMultiplier: 3,
        dilationRate: 2,
        activation: 'relu',
      });
      compareWithTfjs(
        layer,
        (input, [kernel, bias]) =>
          tf.relu(tf.add(tf.depthwiseConv2d(input as tf.Tensor4D, kernel as tf.Tensor4D, 1, padding, 'NHWC', 2), bias)),
        [2, 8, 7, 3],
      );
    });
  }

  it('gradients match finite differences', () => {
    checkGradients(new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 2, activation: 'tanh' }), [1, 3, 4, 2]);
  });
});

describe('SeparableConv2D', () => {
  for (const { padding, strides, depthMultiplier, dilationRate } of [
    { padding: 'valid', strides: 1, depthMultiplier: 1, dilationRate: 1 },
    { padding: 'same', strides: 2, depthMultiplier: 2, dilationRate: 1 },
    { padding: 'same', strides: 1, depthMultiplier: 2, dilationRate: 2 },
  ] as const) {
    it(`matches tf.layers.separableConv2d with padding ${padding}, strides ${strides}, multiplier ${depthMultiplier}, dilation ${dilationRate}`, () => {
      const options = {
        filters: 4,
        kernelSize: 3,
        strides,
        padding,
        depthMultiplier,
        dilationRate,
        activation: 'relu',
      } as const;
      compareWithTfjs(new SeparableConv2D(options), tf.layers.separableConv2d(options), [2, 7, 6, 3]);
    });
  }

  it('gradients match finite differences', () => {
    checkGradients(
      new SeparableConv2D({ filters: 2, kernelSize: 2, depthMultiplier: 2, activation: 'tanh' }),
      [1, 3, 3, 2],
    );
  });
});

describe('convolution layer options', () => {
  it('reject bad options with the layer name', () => {
    expect(() => new Conv1D({ filters: 2, kernelSize: [2, 2] as unknown as [number] })).toThrow(
      /Conv1D: kernelSize must be a positive integer, got \[2,2\]/,
    );
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, padding: 'causal' as 'same' })).toThrow(
      /Conv2D: padding must be 'valid' or 'same', got causal/,
    );
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(
      /Conv2D: strides > 1 cannot be combined with dilationRate > 1/,
    );
    expect(() => new Conv2DTranspose({ filters: 2, kernelSize: 3, dilationRate: 2 as 1 })).toThrow(
      /Conv2DTranspose: dilationRate must be 1, got 2/,
    );
    expect(() => new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 0 })).toThrow(
      /DepthwiseConv2D: depthMultiplier must be a positive integer, got 0/,
    );
    expect(() => new SeparableConv2D({ filters: 0, kernelSize: 3 })).toThrow(
      /SeparableConv2D: filters must be a positive integer, got 0/,
    );
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst' as 'channelsLast' })).toThrow(
      /Conv2D: only dataFormat 'channelsLast' is supported, got "channelsFirst"/,
    );
    expect(() => new Conv1D({ filters: 1, kernelSize: 2 }).apply(tensor(randomValues(8), [2, 2, 2, 1]))).toThrow(
      /Conv1D \(conv1d_\d+\): expected input \[batch, width, channels\] with known channels, got \[2,2,2,1\]/,
    );
    expect(() => new SeparableConv2D({ filters: 1, kernelSize: 2, activation: 'nope' as 'relu' })).toThrow(
      InvalidArgumentError,
    );
  });

  it('leak no tensors across repeated calls', () => {
    const layers = [
      new Conv1D({ filters: 2, kernelSize: 2, padding: 'causal' }),
      new Conv2DTranspose({ filters: 2, kernelSize: 2, strides: 2 }),
      new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 2 }),
      new SeparableConv2D({ filters: 2, kernelSize: 2 }),
    ];
    const inputs = [
      tensor(randomValues(12), [2, 3, 2]),
      ...[0, 1, 2].map(() => tensor(randomValues(18), [1, 3, 3, 2])),
    ];
    const run = () => {
      layers.forEach((layer, position) => {
        tidy(() => layer.apply(inputs[position])).dispose();
      });
    };
    run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) run();
    expect(memory().numTensors).toBe(before);
    for (const layer of layers) layer.dispose();
  });
});
