import { DTypeError, InvalidArgumentError, memory, ShapeError, type Tensor, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { input as symbolicInput } from '../../functional/input';
import { expectGradientsMatchFiniteDifferences, expectValuesClose } from '../layer-test-helpers';
import { PositionalEmbedding, type PositionalEmbeddingOptions } from './positional-embedding';

function randomIds(count: number, inputDim: number): Int32Array {
  return Int32Array.from({ length: count }, () => Math.floor(Math.random() * inputDim));
}

describe('PositionalEmbedding', () => {
  for (const steps of [1, 3, 5]) {
    it(`adds the token row and the position row (${steps} of 5 steps)`, () => {
      const layer = new PositionalEmbedding({ sequenceLength: 5, inputDim: 7, outputDim: 3 });
      const ids = randomIds(2 * steps, 7);
      const output = layer.apply(tensor(ids, [2, steps], 'int32'));
      expect(output.shape).toEqual([2, steps, 3]);
      const [tokens, positions] = layer.getWeights().map((weight) => weight.dataSync());
      const expected: number[] = [];
      ids.forEach((id, position) => {
        const step = position % steps;
        for (let unit = 0; unit < 3; unit++) expected.push(tokens[id * 3 + unit] + positions[step * 3 + unit]);
      });
      expectValuesClose(output.dataSync(), expected, 1e-6);
      // Float ids holding integers give the same result.
      expectValuesClose(layer.apply(tensor(Float32Array.from(ids), [2, steps])).dataSync(), expected, 1e-6);
      layer.dispose();
    });
  }

  it('names and orders its weights as KerasNLP and initializes them uniformly in [-0.05, 0.05)', () => {
    const layer = new PositionalEmbedding({ sequenceLength: 40, inputDim: 30, outputDim: 8 });
    layer.apply(tensor([[1, 2]], [1, 2], 'int32'));
    expect(layer.namedWeights.map((entry) => [entry.key, entry.variable.shape])).toEqual([
      ['token_embedding/embeddings', [30, 8]],
      ['position_embedding/embeddings', [40, 8]],
    ]);
    for (const weight of layer.weights) {
      const values = weight.dataSync();
      expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
      expect(Math.max(...values)).toBeLessThan(0.05);
    }
    layer.dispose();
  });

  it('weight gradients match finite differences, repeated ids included', () => {
    const layer = new PositionalEmbedding({ sequenceLength: 4, inputDim: 5, outputDim: 2 });
    const ids = tensor([0, 2, 2, 4, 2, 2], [2, 3], 'int32');
    layer.apply(ids);
    expectGradientsMatchFiniteDifferences(() => layer.apply(ids), [], layer.trainableWeights);
    layer.dispose();
  });

  it('computes a padding mask only with maskZero', () => {
    const ids = tensor([0, 3, 0, 1], [2, 2], 'int32');
    const masked = new PositionalEmbedding({ sequenceLength: 2, inputDim: 4, outputDim: 2, maskZero: true });
    const plain = new PositionalEmbedding({ sequenceLength: 2, inputDim: 4, outputDim: 2 });
    expect(Array.from((masked.computeMask([ids], undefined) as Tensor).dataSync())).toEqual([0, 1, 0, 1]);
    expect(plain.computeMask([ids], undefined)).toBeUndefined();
    masked.dispose();
    plain.dispose();
  });

  it('builds from a symbolic input and leaks no tensors', () => {
    const layer = new PositionalEmbedding({ sequenceLength: 6, inputDim: 9, outputDim: 4 });
    const symbolic = layer.apply(symbolicInput({ shape: [6], dtype: 'int32' }));
    expect(symbolic.shape).toEqual([null, 6, 4]);
    const ids = tensor(randomIds(12, 9), [2, 6], 'int32');
    tidy(() => layer.apply(ids)).dispose();
    const before = memory().numTensors;
    for (let round = 0; round < 3; round++) tidy(() => layer.apply(ids)).dispose();
    expect(memory().numTensors).toBe(before);
    layer.dispose();
  });

  it('rejects bad options and ids with typed errors', () => {
    expect(() => new PositionalEmbedding({ sequenceLength: 0, inputDim: 3, outputDim: 2 })).toThrow(
      /sequenceLength must be a positive integer, got 0/,
    );
    expect(() => new PositionalEmbedding({ sequenceLength: 2, inputDim: 3.5, outputDim: 2 })).toThrow(
      InvalidArgumentError,
    );
    const layer = new PositionalEmbedding({ sequenceLength: 3, inputDim: 4, outputDim: 2 });
    expect(() => layer.apply(tensor([[1, 2, 3, 0]], [1, 4], 'int32'))).toThrow(ShapeError);
    expect(() => layer.apply(tensor([[1, 2, 3, 0]], [1, 4], 'int32'))).toThrow(/steps ≤ 3, got \[1,4\]/);
    expect(() => layer.apply(tensor([[1, 4]], [1, 2], 'int32'))).toThrow(
      /ids must be integers in \[0, 4\), got 4 at position 1/,
    );
    expect(() => layer.apply(tensor([[1, 0.5]], [1, 2])).dispose()).toThrow(InvalidArgumentError);
    expect(() => layer.apply(tensor([[true]], [1, 1], 'bool'))).toThrow(DTypeError);
    layer.dispose();
  });

  it('getConfig round-trips', () => {
    const layer = new PositionalEmbedding({
      sequenceLength: 8,
      inputDim: 11,
      outputDim: 3,
      maskZero: true,
      embeddingsInitializer: 'glorotUniform',
      embeddingsRegularizer: 'l1',
      name: 'positions_config_test',
    });
    const config = layer.getConfig();
    expect(config).toMatchObject({
      sequenceLength: 8,
      inputDim: 11,
      outputDim: 3,
      maskZero: true,
      embeddingsInitializer: 'glorotUniform',
    });
    const rebuilt = new PositionalEmbedding({
      ...(config as unknown as PositionalEmbeddingOptions),
      name: 'positions_config_copy',
    });
    expect({ ...rebuilt.getConfig(), name: config.name }).toEqual(config);
    expect(rebuilt.className).toBe('PositionalEmbedding');
    rebuilt.apply(tensor([[1, 2]], [1, 2], 'int32'));
    expect((rebuilt.regularizationLoss() as Tensor).dataSync()[0]).toBeGreaterThan(0);
    rebuilt.dispose();
  });
});
