import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, memory, ShapeError, tensor, tidy, zeros } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchNormalization } from './batch-normalization';
import { LayerNormalization } from './layer-normalization';
import {
  expectClose,
  expectGradientsMatchFiniteDifferences,
  expectValuesClose,
  randomValues,
} from './layer-test-helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const size = (shape: readonly number[]) => shape.reduce((product, length) => product * length, 1);

/** Random weights in Keras order for a per-feature layer: gamma, beta, moving mean, positive moving variance. */
function batchNormWeights(features: number, center: boolean, scale: boolean): Float32Array[] {
  const weights: Float32Array[] = [];
  if (scale) weights.push(randomValues(features, 2));
  if (center) weights.push(randomValues(features));
  weights.push(randomValues(features));
  weights.push(Float32Array.from(randomValues(features), (value) => value + 1.5));
  return weights;
}

describe('BatchNormalization', () => {
  const cases = [
    { shape: [6, 4], axis: -1, center: true, scale: true },
    { shape: [3, 5, 4, 3], axis: -1, center: true, scale: false },
    { shape: [3, 4, 5], axis: 1, center: false, scale: true },
    { shape: [2, 3, 4, 5], axis: 2, center: true, scale: true },
  ];
  for (const { shape, axis, center, scale } of cases) {
    it(`matches tf.layers.batchNormalization for ${JSON.stringify(shape)}, axis ${axis}, center ${center}, scale ${scale}`, () => {
      const rank = shape.length;
      const featureAxis = axis < 0 ? axis + rank : axis;
      const features = shape[featureAxis];
      const weights = batchNormWeights(features, center, scale);
      const input = randomValues(size(shape), 3);
      const layer = new BatchNormalization({ axis, center, scale, momentum: 0.9 });
      layer.build([null, ...shape.slice(1)]);
      layer.setWeights(weights.map((values) => tensor(values, [features])));
      // tfjs 4.22 mixes up features at inference when axis is not the last one, and fails while training when
      // scale is false; so the reference always normalizes the last axis of a transposed input, with the full
      // set of weights (gamma 1, beta 0 where ours has none).
      const toLast = [
        ...Array.from({ length: rank }, (_, position) => position).filter((position) => position !== featureAxis),
        featureAxis,
      ];
      const fromLast = toLast.map((_, position) => toLast.indexOf(position));
      const referenceWeights = [
        scale ? weights[0] : new Float32Array(features).fill(1),
        center ? weights[Number(scale)] : new Float32Array(features),
        ...weights.slice(-2),
      ];
      const reference = tf.layers.batchNormalization({ axis: -1, momentum: 0.9 });
      reference.apply(tf.zeros([1, ...toLast.slice(1).map((position) => shape[position])]));
      reference.setWeights(referenceWeights.map((values) => tf.tensor(values, [features])));
      const referenceApply = (training: boolean): tf.Tensor =>
        tf.transpose(
          reference.apply(tf.transpose(tf.tensor(input, shape), toLast), { training }) as tf.Tensor,
          fromLast,
        );
      expect(layer.weights.map((weight) => weight.name.split('/')[1])).toEqual([
        ...(scale ? ['gamma'] : []),
        ...(center ? ['beta'] : []),
        'moving_mean',
        'moving_variance',
      ]);

      // Inference uses the moving statistics.
      expectClose(layer.apply(tensor(input, shape)), referenceApply(false));
      // Training normalizes with the batch moments and updates the moving statistics, twice in a row.
      for (let repeat = 0; repeat < 2; repeat++) {
        expectClose(layer.apply(tensor(input, shape), { training: true }), referenceApply(true));
        const ours = layer.getWeights().slice(-2);
        const theirs = reference.getWeights().slice(-2);
        ours.forEach((weight, index) => {
          expectValuesClose(weight.dataSync(), theirs[index].dataSync(), 1e-5);
        });
      }
      expect(layer.trainableWeights).toHaveLength(Number(center) + Number(scale));
      expect(layer.nonTrainableWeights.map((weight) => weight.name)).toEqual([
        `${layer.name}/moving_mean`,
        `${layer.name}/moving_variance`,
      ]);
      expect(layer.countParams()).toBe((2 + Number(center) + Number(scale)) * features);
      layer.dispose();
    });
  }

  it('matches tf.layers.batchNormalization directly (weights and names in Keras order)', () => {
    const weights = batchNormWeights(3, true, true);
    const input = randomValues(5 * 3, 2);
    const layer = new BatchNormalization();
    layer.build([null, 3]);
    layer.setWeights(weights.map((values) => tensor(values, [3])));
    const reference = tf.layers.batchNormalization({});
    reference.apply(tf.zeros([1, 3]));
    reference.setWeights(weights.map((values) => tf.tensor(values, [3])));
    expect(layer.weights.map((weight) => weight.name.split('/')[1])).toEqual(
      reference.weights.map((weight) => weight.originalName.split('/').pop()),
    );
    expectClose(
      layer.apply(tensor(input, [5, 3]), { training: true }),
      reference.apply(tf.tensor(input, [5, 3]), { training: true }) as tf.Tensor,
    );
    layer.getWeights().forEach((weight, index) => {
      expectValuesClose(weight.dataSync(), reference.getWeights()[index].dataSync(), 1e-5);
    });
    layer.dispose();
  });

  it('updates the moving statistics by Keras rule: moving · momentum + batch · (1 − momentum)', () => {
    const layer = new BatchNormalization({ momentum: 0.75 });
    // Per feature: batch mean [2, -1], biased batch variance [1, 4].
    layer.apply(tensor([1, 1, 3, -3], [2, 2]), { training: true }).dispose();
    const [, , movingMean, movingVariance] = layer.getWeights();
    expectValuesClose(movingMean.dataSync(), [0.5, -0.25], 1e-6);
    expectValuesClose(movingVariance.dataSync(), [1, 1.75], 1e-6);
    // Inference does not touch them.
    layer.apply(tensor([5, 5, 5, 5], [2, 2])).dispose();
    expectValuesClose(layer.getWeights()[2].dataSync(), [0.5, -0.25], 1e-6);
  });

  it('runs in inference mode when frozen (trainable false), even with training: true, as Keras does', () => {
    const layer = new BatchNormalization({ momentum: 0.75 });
    const batch = tensor([1, 1, 3, -3], [2, 2]);
    layer.build([null, 2]);
    layer.trainable = false;
    const frozen = layer.apply(batch, { training: true });
    const inference = layer.apply(batch);
    expectValuesClose(frozen.dataSync(), inference.dataSync(), 0);
    expectValuesClose(layer.getWeights()[2].dataSync(), [0, 0], 0);
    layer.trainable = true;
    const training = layer.apply(batch, { training: true });
    expect(Math.abs(training.dataSync()[0] - inference.dataSync()[0])).toBeGreaterThan(0.1);
    for (const value of [batch, frozen, inference, training]) value.dispose();
    layer.dispose();
  });

  for (const training of [true, false]) {
    it(`input, gamma and beta gradients match finite differences (training ${training})`, () => {
      const layer = new BatchNormalization({ axis: 1 });
      const input = tensor(randomValues(4 * 3 * 2, 2), [4, 3, 2]);
      layer.build([null, 3, 2]);
      layer.setWeights(batchNormWeights(3, true, true).map((values) => tensor(values, [3])));
      expectGradientsMatchFiniteDifferences(
        ([value]) => layer.apply(value, { training }),
        [input],
        layer.trainableWeights,
        { tolerance: 2e-2 },
      );
      layer.dispose();
    });
  }

  it('round-trips its config', () => {
    const layer = new BatchNormalization({
      axis: 1,
      momentum: 0.5,
      epsilon: 0.01,
      center: false,
      gammaInitializer: 'zeros',
    });
    const config = layer.getConfig();
    expect(config).toMatchObject({
      axis: 1,
      momentum: 0.5,
      epsilon: 0.01,
      center: false,
      scale: true,
      gammaInitializer: 'zeros',
    });
    const rebuilt = new BatchNormalization(config as never);
    expect(rebuilt.getConfig()).toEqual(config);
    rebuilt.apply(tensor(randomValues(6), [2, 3])).dispose();
    expect(Array.from(rebuilt.getWeights()[0].dataSync())).toEqual([0, 0, 0]);
    const custom = new BatchNormalization({ betaInitializer: (shape) => zeros(shape) });
    expect(custom.getConfig()).not.toHaveProperty('betaInitializer');
  });

  it('applies gamma and beta regularizers and constraints, and saves them in its config', () => {
    const layer = new BatchNormalization({
      gammaRegularizer: { name: 'l2', l2: 0.5 },
      betaConstraint: 'nonNeg',
    });
    layer.build([null, 3]);
    layer.setWeights([
      tensor([1, -2, 3], [3]),
      tensor([-1, 2, -3], [3]),
      tensor([0, 0, 0], [3]),
      tensor([1, 1, 1], [3]),
    ]);
    expect(layer.regularizationLoss()?.dataSync()[0]).toBeCloseTo(0.5 * 14, 5);
    layer.applyConstraints();
    expect(Array.from(layer.getWeights()[1].dataSync())).toEqual([0, 2, 0]);
    const config = layer.getConfig();
    expect(config).toMatchObject({ gammaRegularizer: { name: 'l2', l2: 0.5 }, betaConstraint: { name: 'nonNeg' } });
    expect(new BatchNormalization(config as never).getConfig()).toEqual(config);
    layer.dispose();
  });

  it('rejects bad options and inputs', () => {
    expect(() => new BatchNormalization({ momentum: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => new BatchNormalization({ momentum: 1.5 })).toThrow(/momentum must be a number in \[0, 1\], got 1.5/);
    expect(() => new BatchNormalization({ epsilon: -1 })).toThrow(/epsilon must be a number/);
    expect(() => new BatchNormalization({ axis: 0.5 })).toThrow(/axis must be an integer, got 0.5/);
    expect(() => new BatchNormalization({ axis: 0 }).apply(tensor(randomValues(4), [2, 2]))).toThrow(ShapeError);
    expect(() => new BatchNormalization({ axis: 3 }).apply(tensor(randomValues(4), [2, 2]))).toThrow(
      /axis 3 must be a non-batch axis of known size, got input \[2,2\]/,
    );
    expect(() => new BatchNormalization({ gammaInitializer: 'nope' as 'ones' })).toThrow(/unknown initializer 'nope'/);
  });

  it('leaks no tensors across repeated training and inference calls', () => {
    const layer = new BatchNormalization();
    const input = tensor(randomValues(12), [4, 3]);
    const run = () => {
      tidy(() => layer.apply(input, { training: true })).dispose();
      tidy(() => layer.apply(input)).dispose();
    };
    run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 4; repeat++) run();
    expect(memory().numTensors).toBe(before);
    layer.dispose();
  });
});

describe('LayerNormalization', () => {
  const cases: Array<{ shape: number[]; axis: number | number[]; center: boolean; scale: boolean }> = [
    { shape: [5, 6], axis: -1, center: true, scale: true },
    { shape: [2, 3, 4], axis: [1, 2], center: true, scale: false },
    { shape: [2, 3, 4, 2], axis: [-3, -2], center: false, scale: true },
    { shape: [3, 4, 5], axis: 1, center: true, scale: true },
  ];
  for (const { shape, axis, center, scale } of cases) {
    it(`matches tf.layers.layerNormalization for ${JSON.stringify(shape)}, axis ${JSON.stringify(axis)}`, () => {
      const input = randomValues(size(shape), 3);
      const layer = new LayerNormalization({ axis, center, scale });
      layer.build([null, ...shape.slice(1)]);
      const reference = tf.layers.layerNormalization({ axis, center, scale });
      reference.apply(tf.zeros([1, ...shape.slice(1)]));
      const weights = reference.getWeights().map((weight) => randomValues(weight.size));
      expect(layer.weights.map((weight) => weight.shape)).toEqual(reference.weights.map((weight) => weight.shape));
      layer.setWeights(weights.map((values, index) => tensor(values, layer.weights[index].shape)));
      reference.setWeights(
        weights.map((values, index) => tf.tensor(values, reference.weights[index].shape as number[])),
      );
      expectClose(layer.apply(tensor(input, shape)), reference.apply(tf.tensor(input, shape)) as tf.Tensor);
      layer.dispose();
    });
  }

  it('input, gamma and beta gradients match finite differences', () => {
    const layer = new LayerNormalization({ axis: [1, 2] });
    layer.build([null, 2, 3]);
    layer.setWeights([tensor(randomValues(6), [2, 3]), tensor(randomValues(6), [2, 3])]);
    expectGradientsMatchFiniteDifferences(
      ([value]) => layer.apply(value),
      [tensor(randomValues(2 * 2 * 3, 2), [2, 2, 3])],
      layer.trainableWeights,
      { tolerance: 2e-2 },
    );
    layer.dispose();
  });

  it('round-trips its config and rejects bad options', () => {
    const layer = new LayerNormalization({ axis: [1, -1], epsilon: 1e-5, center: false });
    const rebuilt = new LayerNormalization(layer.getConfig() as never);
    expect(rebuilt.getConfig()).toEqual(layer.getConfig());
    expect(layer.getConfig()).toMatchObject({ axis: [1, -1], epsilon: 1e-5, center: false, scale: true });
    const regularized = new LayerNormalization({ gammaRegularizer: 'l1', betaConstraint: 'nonNeg' });
    expect(new LayerNormalization(regularized.getConfig() as never).getConfig()).toEqual(regularized.getConfig());
    regularized.apply(tensor(randomValues(6), [2, 3])).dispose();
    // gamma starts at ones: l1 · Σ|gamma| with the default factor 0.01.
    expect(regularized.regularizationLoss()?.dataSync()[0]).toBeCloseTo(0.03, 6);
    expect(() => new LayerNormalization({ axis: [] })).toThrow(/axis must be an integer or a non-empty array/);
    expect(() => new LayerNormalization({ axis: [1, 1] })).toThrow(InvalidArgumentError);
    expect(() => new LayerNormalization({ epsilon: -1 })).toThrow(/epsilon must be a non-negative finite number/);
    expect(() => new LayerNormalization({ axis: [1, -1] }).apply(tensor(randomValues(4), [2, 2]))).toThrow(
      /must name distinct non-batch axes of known size, got input \[2,2\]/,
    );
  });

  it('leaks no tensors', () => {
    const layer = new LayerNormalization();
    const input = tensor(randomValues(12), [4, 3]);
    tidy(() => layer.apply(input)).dispose();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 4; repeat++) tidy(() => layer.apply(input)).dispose();
    expect(memory().numTensors).toBe(before);
    layer.dispose();
  });
});
