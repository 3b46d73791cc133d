import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, memory, ShapeError, type Tensor, tensor, tidy } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '../layer';
import { AveragePooling1D } from './average-pooling1d';
import { AveragePooling2D } from './average-pooling2d';
import { GlobalAveragePooling2D } from './global-average-pooling2d';
import { GlobalMaxPooling2D } from './global-max-pooling2d';
import { expectClose, expectGradientsMatchFiniteDifferences, randomValues } from './layer-test-helpers';
import { MaxPooling1D } from './max-pooling1d';
import { Permute } from './permute';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Compares a weightless layer with its tfjs counterpart on one random input, output shape included. */
function expectMatches(layer: Layer, reference: tf.layers.Layer, shape: number[]): void {
  const input = randomValues(
    shape.reduce((product, length) => product * length, 1),
    2,
  );
  const expected = reference.apply(tf.tensor(input, shape)) as tf.Tensor;
  expectClose(layer.apply(tensor(input, shape)), expected);
  expect(layer.computeOutputShape([null, ...shape.slice(1)])).toEqual([null, ...expected.shape.slice(1)]);
}

/** Input gradients of a weightless layer against finite differences. */
function expectInputGradients(layer: Layer, shape: number[]): void {
  // Spread-out values keep max pooling away from ties, where the finite difference is not a derivative.
  const count = shape.reduce((product, length) => product * length, 1);
  const values = Float32Array.from({ length: count }, (_, position) => ((position * 7919) % count) / 4 - count / 8);
  expectGradientsMatchFiniteDifferences(([input]) => layer.apply(input), [tensor(values, shape)], []);
}

function expectNoLeaks(layer: Layer, input: Tensor): void {
  tidy(() => layer.apply(input)).dispose();
  const before = memory().numTensors;
  for (let repeat = 0; repeat < 3; repeat++) tidy(() => layer.apply(input)).dispose();
  expect(memory().numTensors).toBe(before);
}

describe('Permute', () => {
  it('matches tf.layers.permute, with 1-based dims', () => {
    expectMatches(new Permute({ dims: [2, 1] }), tf.layers.permute({ dims: [2, 1] }), [2, 3, 4]);
    expectMatches(new Permute({ dims: [3, 1, 2] }), tf.layers.permute({ dims: [3, 1, 2] }), [2, 3, 4, 5]);
    expectInputGradients(new Permute({ dims: [2, 3, 1] }), [2, 2, 3, 2]);
  });

  it('round-trips its config and rejects bad dims', () => {
    const layer = new Permute({ dims: [2, 1] });
    expect(new Permute(layer.getConfig() as never).getConfig()).toEqual(layer.getConfig());
    expect(layer.getConfig().dims).toEqual([2, 1]);
    expect(() => new Permute({ dims: [0, 1] })).toThrow(InvalidArgumentError);
    expect(() => new Permute({ dims: [1, 1] })).toThrow(/dims must be a permutation of 1..n/);
    expect(() => new Permute({ dims: [2, 1] }).apply(tensor(randomValues(8), [2, 2, 2, 1]))).toThrow(ShapeError);
    expect(() => layer.apply(tensor(randomValues(8), [2, 2, 2, 1]))).toThrow(/need input of rank 3, got \[2,2,2,1\]/);
    expect(layer.isBuilt).toBe(false);
    expectNoLeaks(layer, tensor(randomValues(6), [1, 2, 3]));
  });
});

describe('global pooling', () => {
  for (const keepDims of [false, true]) {
    it(`GlobalAveragePooling2D and GlobalMaxPooling2D match tfjs (keepDims ${keepDims})`, () => {
      expectMatches(
        new GlobalAveragePooling2D({ keepDims }),
        keepDims
          ? tf.layers.reshape({ targetShape: [1, 1, 3] })
          : tf.layers.globalAveragePooling2d({ dataFormat: 'channelsLast' }),
        [2, 1, 1, 3],
      );
      for (const shape of [
        [2, 4, 5, 3],
        [1, 3, 2, 1],
      ]) {
        const input = randomValues(shape.reduce((product, length) => product * length, 1));
        const expectedAverage = tf.layers.globalAveragePooling2d({}).apply(tf.tensor(input, shape)) as tf.Tensor;
        const expectedMax = tf.layers.globalMaxPooling2d({}).apply(tf.tensor(input, shape)) as tf.Tensor;
        const keptShape = [shape[0], 1, 1, shape[3]];
        expectClose(
          new GlobalAveragePooling2D({ keepDims }).apply(tensor(input, shape)),
          keepDims ? expectedAverage.reshape(keptShape) : expectedAverage,
        );
        expectClose(
          new GlobalMaxPooling2D({ keepDims }).apply(tensor(input, shape)),
          keepDims ? expectedMax.reshape(keptShape) : expectedMax,
        );
      }
      const outputShape = keepDims ? [null, 1, 1, 3] : [null, 3];
      expect(new GlobalMaxPooling2D({ keepDims }).computeOutputShape([null, 4, 4, 3])).toEqual(outputShape);
    });
  }

  it('input gradients match finite differences; config round-trips; bad input and dataFormat are rejected', () => {
    expectInputGradients(new GlobalAveragePooling2D(), [2, 3, 2, 2]);
    expectInputGradients(new GlobalMaxPooling2D({ keepDims: true }), [2, 3, 2, 2]);
    const layer = new GlobalMaxPooling2D({ keepDims: true });
    expect(layer.className).toBe('GlobalMaxPooling2D');
    expect(new GlobalAveragePooling2D().className).toBe('GlobalAveragePooling2D');
    expect(new GlobalMaxPooling2D(layer.getConfig() as never).getConfig()).toEqual(layer.getConfig());
    expect(() => new GlobalAveragePooling2D({ dataFormat: 'channelsFirst' as 'channelsLast' })).toThrow(
      /GlobalAveragePooling2D: dataFormat must be 'channelsLast' \(the only layout supported\), got channelsFirst/,
    );
    expect(() => layer.apply(tensor(randomValues(6), [2, 3]))).toThrow(
      /GlobalMaxPooling2D \(global_max_pooling2d_\d+\): expected input \[batch, height, width, channels\], got \[2,3\]/,
    );
    expectNoLeaks(new GlobalMaxPooling2D({ keepDims: true }), tensor(randomValues(16), [1, 2, 2, 4]));
  });
});

describe('AveragePooling2D', () => {
  const cases: Array<{
    poolSize: number | [number, number];
    strides?: number | [number, number];
    padding: 'valid' | 'same';
  }> = [
    { poolSize: 2, padding: 'valid' },
    { poolSize: 3, strides: 2, padding: 'same' },
    { poolSize: [2, 3], strides: [1, 2], padding: 'valid' },
  ];
  for (const options of cases) {
    it(`matches tf.layers.averagePooling2d with ${JSON.stringify(options)}`, () => {
      expectMatches(new AveragePooling2D(options), tf.layers.averagePooling2d(options), [2, 5, 7, 3]);
      expectInputGradients(new AveragePooling2D(options), [1, 5, 4, 2]);
    });
  }

  it('round-trips its config and rejects bad options', () => {
    const layer = new AveragePooling2D({ poolSize: [2, 3], padding: 'same' });
    expect(layer.getConfig()).toMatchObject({ poolSize: [2, 3], strides: [2, 3], padding: 'same' });
    expect(new AveragePooling2D(layer.getConfig() as never).getConfig()).toEqual(layer.getConfig());
    expect(() => new AveragePooling2D({ poolSize: 0 })).toThrow(
      /AveragePooling2D: poolSize must be a positive integer/,
    );
    expect(() => new AveragePooling2D({ padding: 'full' as 'same' })).toThrow(/padding must be 'valid' or 'same'/);
    expect(() => layer.apply(tensor(randomValues(6), [2, 3]))).toThrow(ShapeError);
    expectNoLeaks(new AveragePooling2D(), tensor(randomValues(16), [1, 4, 4, 1]));
    expect(() => new AveragePooling2D({ poolSize: 3 }).apply(tensor(randomValues(8), [1, 2, 4, 1]))).toThrow(
      /poolSize \[3,3\] with padding 'valid' does not fit input \[1,2,4,1\]/,
    );
  });
});

describe('MaxPooling1D and AveragePooling1D', () => {
  const cases = [
    { poolSize: 2, strides: undefined, padding: 'valid' },
    { poolSize: 3, strides: 2, padding: 'same' },
    { poolSize: 3, strides: 1, padding: 'valid' },
  ] as const;
  for (const options of cases) {
    it(`match tf.layers.maxPooling1d/averagePooling1d with ${JSON.stringify(options)}`, () => {
      expectMatches(new MaxPooling1D(options), tf.layers.maxPooling1d(options), [2, 7, 3]);
      expectMatches(new AveragePooling1D(options), tf.layers.averagePooling1d(options), [2, 7, 3]);
      expectInputGradients(new MaxPooling1D(options), [2, 5, 2]);
      expectInputGradients(new AveragePooling1D(options), [2, 5, 2]);
    });
  }

  it('round-trip their config, accept [n] and reject bad options', () => {
    const layer = new MaxPooling1D({ poolSize: [3], padding: 'same' });
    expect(layer.className).toBe('MaxPooling1D');
    expect(new AveragePooling1D().className).toBe('AveragePooling1D');
    expect(layer.getConfig()).toMatchObject({ poolSize: 3, strides: 3, padding: 'same', dataFormat: 'channelsLast' });
    expect(new MaxPooling1D(layer.getConfig() as never).getConfig()).toEqual(layer.getConfig());
    expect(() => new AveragePooling1D({ poolSize: 0 })).toThrow(
      /AveragePooling1D: poolSize must be a positive integer, got 0/,
    );
    expect(() => new MaxPooling1D({ strides: 1.5 })).toThrow(/MaxPooling1D: strides must be a positive integer/);
    expect(() => layer.apply(tensor(randomValues(8), [2, 2, 2, 1]))).toThrow(
      /expected input \[batch, steps, channels\], got \[2,2,2,1\]/,
    );
    expectNoLeaks(new MaxPooling1D(), tensor(randomValues(12), [2, 3, 2]));
    expect(() => new AveragePooling1D({ poolSize: 4 }).apply(tensor(randomValues(6), [1, 3, 2]))).toThrow(
      /AveragePooling1D \(average_pooling1d_\d+\): poolSize 4 with padding 'valid' does not fit input \[1,3,2\]/,
    );
  });
});
