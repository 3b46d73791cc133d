import * as tf from '@tensorflow/tfjs';
import { DTypeError, InvalidArgumentError, memory, ShapeError, tensor, tidy } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { input as symbolicInput } from '../functional/input';
import { Embedding } from './embedding';
import { expectClose, expectGradientsMatchFiniteDifferences, randomValues } from './layer-test-helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomIds(count: number, inputDim: number): Int32Array {
  return Int32Array.from({ length: count }, () => Math.floor(Math.random() * inputDim));
}

describe('Embedding', () => {
  for (const shape of [[4], [3, 5], [2, 3, 2]]) {
    it(`matches tf.layers.embedding for ids of shape ${JSON.stringify(shape)}`, () => {
      const count = shape.reduce((product, length) => product * length, 1);
      const ids = randomIds(count, 7);
      const table = randomValues(7 * 3);
      const layer = new Embedding({ inputDim: 7, outputDim: 3 });
      layer.build([null, ...shape.slice(1)]);
      layer.setWeights([tensor(table, [7, 3])]);
      const reference = tf.layers.embedding({ inputDim: 7, outputDim: 3 });
      reference.apply(tf.zeros([1, ...shape.slice(1)], 'int32'));
      reference.setWeights([tf.tensor(table, [7, 3])]);
      const expected = reference.apply(tf.tensor(ids, shape, 'int32')) as tf.Tensor;
      const output = layer.apply(tensor(ids, shape, 'int32'));
      expect(output.dtype).toBe('float32');
      expectClose(output, expected);
      // Float ids holding integers give the same result.
      expectClose(layer.apply(tensor(Float32Array.from(ids), shape)), expected);
      expect(layer.computeOutputShape([null, ...shape.slice(1)])).toEqual([null, ...expected.shape.slice(1)]);
      expect(layer.weights.map((weight) => weight.name)).toEqual([`${layer.name}/embeddings`]);
      expect(layer.outputDTypeFor(['int32'])).toBe('float32');
      layer.dispose();
    });
  }

  it('initializes uniformly in [-0.05, 0.05) by default', () => {
    const layer = new Embedding({ inputDim: 50, outputDim: 20 });
    layer.apply(tensor([[1]], [1, 1], 'int32')).dispose();
    const values = layer.getWeights()[0].dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...values)).toBeLessThan(0.05);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.08);
    layer.dispose();
  });

  it('the embeddings gradient matches finite differences, repeated ids included', () => {
    const layer = new Embedding({ inputDim: 4, outputDim: 2 });
    const ids = tensor([0, 2, 2, 3, 0, 2], [2, 3], 'int32');
    layer.build([null, 3]);
    expectGradientsMatchFiniteDifferences(() => layer.apply(ids), [], layer.trainableWeights);
    layer.dispose();
  });

  it('builds from a symbolic int32 input and reports a float32 output', () => {
    const ids = symbolicInput({ shape: [5], dtype: 'int32' });
    const output = new Embedding({ inputDim: 9, outputDim: 4 }).apply(ids);
    expect(output.shape).toEqual([null, 5, 4]);
    expect(output.dtype).toBe('float32');
  });

  it('rejects non-integer, out-of-range and non-numeric ids with clear errors', () => {
    const layer = new Embedding({ inputDim: 5, outputDim: 2 });
    expect(() => layer.apply(tensor([[0, 1.5]]))).toThrow(InvalidArgumentError);
    expect(() => layer.apply(tensor([[0, 1.5]]))).toThrow(/ids must be integers, got 1.5 at position 1/);
    expect(() => layer.apply(tensor([[0, 5]], [1, 2], 'int32'))).toThrow(/id 5 at position 1 is out of range \[0, 5\)/);
    expect(() => layer.apply(tensor([[-1, 0]]))).toThrow(/id -1 at position 0 is out of range/);
    expect(() => layer.apply(tensor([[true, false]], [1, 2], 'bool'))).toThrow(DTypeError);
  });

  it('checks inputLength, round-trips its config and rejects bad options', () => {
    const layer = new Embedding({ inputDim: 10, outputDim: 4, inputLength: 3, maskZero: true });
    expect(layer.computeOutputShape([null, 3])).toEqual([null, 3, 4]);
    expect(() => layer.apply(tensor([[1, 2]], [1, 2], 'int32'))).toThrow(ShapeError);
    expect(() => layer.apply(tensor([[1, 2]], [1, 2], 'int32'))).toThrow(
      /inputLength 3 does not match input shape \[1,2\]/,
    );
    const config = layer.getConfig();
    expect(config).toMatchObject({
      inputDim: 10,
      outputDim: 4,
      inputLength: 3,
      maskZero: true,
      embeddingsInitializer: 'randomUniform',
    });
    const rebuilt = new Embedding(config as never);
    expect(rebuilt.getConfig()).toEqual(config);
    expect(rebuilt.maskZero).toBe(true);
    expect(
      new Embedding({ inputDim: 2, outputDim: 2, embeddingsInitializer: 'ones' }).getConfig().embeddingsInitializer,
    ).toBe('ones');
    const constrained = new Embedding({
      inputDim: 2,
      outputDim: 2,
      embeddingsConstraint: 'nonNeg',
      embeddingsRegularizer: 'l2',
    });
    constrained.build([null, 1]);
    constrained.setWeights([tensor([-1, 2, 3, -4], [2, 2])]);
    expect(constrained.regularizationLoss()?.dataSync()[0]).toBeCloseTo(0.3, 6);
    constrained.applyConstraints();
    expect(Array.from(constrained.getWeights()[0].dataSync())).toEqual([0, 2, 3, 0]);
    expect(new Embedding(constrained.getConfig() as never).getConfig()).toEqual(constrained.getConfig());
    expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(
      /Embedding: inputDim must be a positive integer, got 0/,
    );
    expect(() => new Embedding({ inputDim: 2, outputDim: 1.5 })).toThrow(
      /outputDim must be a positive integer, got 1.5/,
    );
    expect(() => new Embedding({ inputDim: 2, outputDim: 2, inputLength: [0] })).toThrow(/inputLength must be/);
  });

  it('leaks no tensors, with int32 and float ids', () => {
    const layer = new Embedding({ inputDim: 6, outputDim: 3 });
    const intIds = tensor([[1, 2, 5]], [1, 3], 'int32');
    const floatIds = tensor([[1, 2, 5]], [1, 3]);
    const run = () => {
      tidy(() => layer.apply(intIds)).dispose();
      tidy(() => layer.apply(floatIds)).dispose();
    };
    run();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 4; repeat++) run();
    expect(memory().numTensors).toBe(before);
    layer.dispose();
  });
});
