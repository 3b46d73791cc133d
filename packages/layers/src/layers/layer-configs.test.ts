import { InvalidArgumentError, relu, type Tensor, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { maxNorm } from '../constraints/max-norm';
import { nonNeg } from '../constraints/non-neg';
import { input } from '../functional/input';
import type { Layer } from '../layer';
import { l1l2 } from '../regularizers/l1l2';
import { l2 } from '../regularizers/l2';
import type { LayerConfig } from '../util/json-value';
import { Activation } from './activation';
import { Conv1D } from './conv1d-layer';
import { Conv2D } from './conv2d-layer';
import { Conv2DTranspose } from './conv2d-transpose-layer';
import { Dense } from './dense';
import { DepthwiseConv2D } from './depthwise-conv2d-layer';
import { Dropout } from './dropout-layer';
import { Flatten } from './flatten';
import { MaxPool2D } from './max-pool2d-layer';
import { Reshape } from './reshape-layer';
import { SeparableConv2D } from './separable-conv2d-layer';

type LayerClass = new (config: never) => Layer;

/** `new X(x.getConfig())` must rebuild a layer with the same config, and the config must survive JSON. */
function expectRoundTrip(layer: Layer): LayerConfig {
  const config = layer.getConfig();
  const parsed = JSON.parse(JSON.stringify(config)) as LayerConfig;
  expect(parsed).toEqual(config);
  const rebuilt = new (layer.constructor as LayerClass)(parsed as never);
  expect(rebuilt.className).toBe(layer.className);
  expect(rebuilt.getConfig()).toEqual(config);
  return config;
}

const regularizer = l1l2({ l1: 0.01, l2: 0.02 });
const constraint = maxNorm({ maxValue: 1.5, axis: [0, 1, 2] });

describe('layer configs', () => {
  const cases: Array<{ name: string; make: () => Layer; expected: LayerConfig }> = [
    {
      name: 'Dense',
      make: () =>
        new Dense({
          units: 3,
          activation: 'relu',
          useBias: false,
          kernelInitializer: 'orthogonal',
          kernelRegularizer: l2({ l2: 0.1 }),
          kernelConstraint: nonNeg(),
          inputShape: [4],
        }),
      expected: {
        units: 3,
        activation: 'relu',
        useBias: false,
        kernelInitializer: 'orthogonal',
        kernelRegularizer: { name: 'l2', l2: 0.1 },
        kernelConstraint: { name: 'nonNeg' },
        biasInitializer: 'zeros',
        inputShape: [4],
      },
    },
    {
      name: 'Conv2D',
      make: () =>
        new Conv2D({
          filters: 2,
          kernelSize: [3, 2],
          padding: 'same',
          dilationRate: 2,
          kernelRegularizer: regularizer,
          biasRegularizer: 'l1',
          kernelConstraint: constraint,
          biasConstraint: 'nonNeg',
        }),
      expected: {
        filters: 2,
        kernelSize: [3, 2],
        strides: [1, 1],
        padding: 'same',
        dilationRate: [2, 2],
        dataFormat: 'channelsLast',
        kernelRegularizer: { name: 'l1l2', l1: 0.01, l2: 0.02 },
        biasRegularizer: { name: 'l1', l1: 0.01 },
        kernelConstraint: { name: 'maxNorm', maxValue: 1.5, axis: [0, 1, 2] },
        biasConstraint: { name: 'nonNeg' },
      },
    },
    {
      name: 'Conv1D',
      make: () => new Conv1D({ filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2, activation: 'tanh' }),
      expected: { filters: 2, kernelSize: [3], padding: 'causal', dilationRate: [2], activation: 'tanh' },
    },
    {
      name: 'Conv2DTranspose',
      make: () => new Conv2DTranspose({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', useBias: false }),
      expected: { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same', useBias: false },
    },
    {
      name: 'DepthwiseConv2D',
      make: () => new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2, depthwiseRegularizer: 'l2' }),
      expected: {
        depthMultiplier: 2,
        depthwiseInitializer: 'glorotUniform',
        depthwiseRegularizer: { name: 'l2', l2: 0.01 },
      },
    },
    {
      name: 'SeparableConv2D',
      make: () =>
        new SeparableConv2D({
          filters: 3,
          kernelSize: 3,
          depthMultiplier: 2,
          pointwiseInitializer: 'heNormal',
          pointwiseConstraint: 'unitNorm',
        }),
      expected: {
        filters: 3,
        depthMultiplier: 2,
        pointwiseInitializer: 'heNormal',
        pointwiseConstraint: { name: 'unitNorm', axis: 0 },
      },
    },
    { name: 'Activation', make: () => new Activation({ activation: 'softmax' }), expected: { activation: 'softmax' } },
    { name: 'Dropout', make: () => new Dropout({ rate: 0.3, seed: 7 }), expected: { rate: 0.3, seed: 7 } },
    { name: 'Flatten', make: () => new Flatten({ inputShape: [2, 3] }), expected: { inputShape: [2, 3] } },
    { name: 'Reshape', make: () => new Reshape({ targetShape: [3, -1] }), expected: { targetShape: [3, -1] } },
    {
      name: 'MaxPool2D',
      make: () => new MaxPool2D({ poolSize: [2, 3], strides: 1, padding: 'same' }),
      expected: { poolSize: [2, 3], strides: [1, 1], padding: 'same', dataFormat: 'channelsLast' },
    },
  ];
  for (const { name, make, expected } of cases) {
    it(`${name} round-trips through getConfig`, () => {
      const layer = make();
      const config = expectRoundTrip(layer);
      expect(config).toMatchObject({ name: layer.name, trainable: true, ...expected });
    });
  }

  it('leaves custom initializers out and refuses custom activations, naming the layer', () => {
    const custom = new Dense({
      units: 2,
      kernelInitializer: (shape) => tensor(new Float32Array(shape[0] * shape[1]), [...shape]),
    });
    expect(custom.getConfig()).not.toHaveProperty('kernelInitializer');
    const withFunction = new Conv2D({ filters: 1, kernelSize: 1, activation: (x: Tensor) => relu(x), name: 'my_conv' });
    expect(() => withFunction.getConfig()).toThrow(InvalidArgumentError);
    expect(() => withFunction.getConfig()).toThrow(
      /Conv2D \(my_conv\): getConfig cannot serialize a custom activation function; pass an activation name/,
    );
  });
});

describe('regularizers and constraints on layers', () => {
  it('Dense adds its kernel and bias penalties to regularizationLoss', () => {
    const layer = new Dense({ units: 2, kernelRegularizer: l2({ l2: 0.5 }), biasRegularizer: l1l2({ l1: 1, l2: 0 }) });
    layer.build([null, 2]);
    layer.setWeights([tensor([1, -2, 3, 0.5], [2, 2]), tensor([-1, 2], [2])]);
    const loss = layer.regularizationLoss() as Tensor;
    expect(loss.dataSync()[0]).toBeCloseTo(0.5 * (1 + 4 + 9 + 0.25) + (1 + 2), 5);
    loss.dispose();
    expect(new Dense({ units: 1 }).regularizationLoss()).toBeUndefined();
    layer.dispose();
  });

  it('Conv2D projects its kernel and bias with the constraints', () => {
    const layer = new Conv2D({
      filters: 2,
      kernelSize: 1,
      kernelConstraint: maxNorm({ maxValue: 1, axis: [0, 1, 2] }),
      biasConstraint: nonNeg(),
    });
    layer.build([null, 3, 3, 2]);
    layer.setWeights([tensor([3, 0.1, 4, 0.2], [1, 1, 2, 2]), tensor([-1, 2], [2])]);
    layer.applyConstraints();
    const [kernel, bias] = layer.getWeights();
    const values = kernel.dataSync();
    expect(Math.hypot(values[0], values[2])).toBeCloseTo(1, 5);
    expect(values[1]).toBeCloseTo(0.1, 6);
    expect(Array.from(bias.dataSync())).toEqual([0, 2]);
    kernel.dispose();
    bias.dispose();
    layer.dispose();
  });

  it('rejects unknown regularizers and constraints with the layer name', () => {
    expect(() => new Dense({ units: 1, kernelRegularizer: 'l3' as 'l2' })).toThrow(/Dense: unknown regularizer "l3"/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 1, biasConstraint: { name: 'clip' } })).toThrow(
      /Conv2D: unknown constraint/,
    );
  });
});

describe('convolution layers in a functional graph', () => {
  it('chain symbolically with the shapes the concrete run produces', () => {
    const image = input({ shape: [8, 8, 3] });
    const chain = [
      new SeparableConv2D({ filters: 4, kernelSize: 3, padding: 'same', depthMultiplier: 2 }),
      new DepthwiseConv2D({ kernelSize: 3, strides: 2 }),
      new Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2 }),
      new Conv2D({ filters: 5, kernelSize: 2, dilationRate: 2 }),
    ];
    const symbolic = chain.reduce((current, layer) => layer.apply(current), image);
    expect(symbolic.shape).toEqual([null, 5, 5, 5]);
    const concrete = tidy(() =>
      chain.reduce((current, layer) => layer.apply(current), tensor(new Float32Array(2 * 8 * 8 * 3), [2, 8, 8, 3])),
    );
    expect(concrete.shape).toEqual([2, 5, 5, 5]);
    concrete.dispose();
    const sequence = new Conv1D({ filters: 3, kernelSize: 3, padding: 'causal' }).apply(input({ shape: [7, 2] }));
    expect(sequence.shape).toEqual([null, 7, 3]);
    for (const layer of chain) layer.dispose();
  });
});
