import { InvalidArgumentError, memory, ShapeError, type Tensor, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { input as symbolicInput } from '../../functional/input';
import { expectGradientsMatchFiniteDifferences, expectValuesClose, randomValues } from '../layer-test-helpers';
import { paddingMask, randomizeWeights } from './attention-test-helpers';
import { TransformerEncoderBlock, type TransformerEncoderBlockOptions } from './transformer-encoder-block';
import { referenceEncoder } from './transformer-reference';

describe('TransformerEncoderBlock', () => {
  for (const normFirst of [false, true]) {
    for (const numHeads of [1, 2]) {
      it(`matches a hand-composed reference (normFirst ${normFirst}, ${numHeads} heads, padding mask)`, () => {
        const shape = [2, 5, 4];
        const block = new TransformerEncoderBlock({ numHeads, intermediateDim: 6, normFirst });
        block.buildFromShapes([shape]);
        const weights = randomizeWeights(block);
        const values = Array.from(randomValues(2 * 5 * 4));
        const x = tensor(values, shape);
        const settings = { numHeads, intermediateDim: 6, normFirst, epsilon: 1e-5, shape };
        expectValuesClose(
          block.apply(x).dataSync(),
          referenceEncoder(values, settings, weights, () => true),
          1e-4,
        );
        const lengths = [5, 3];
        const mask = tensor(paddingMask(lengths, 5), [2, 5], 'bool');
        const expected = referenceEncoder(values, settings, weights, (b, _t, s) => s < lengths[b]);
        expectValuesClose(block.apply(x, { mask }).dataSync(), expected, 1e-4);
        expect(block.computeMask([x], mask)).toBe(mask);
        block.dispose();
      });
    }
  }

  it('exposes its sub-layers weights in KerasNLP order under <subLayer>/<key>', () => {
    const block = new TransformerEncoderBlock({ numHeads: 2, intermediateDim: 3, name: 'encoder_order_test' });
    block.buildFromShapes([[null, null, 4]]);
    expect(block.namedWeights.map((entry) => `${entry.key} ${JSON.stringify(entry.variable.shape)}`)).toEqual([
      'self_attention/query/kernel [4,2,2]',
      'self_attention/query/bias [2,2]',
      'self_attention/key/kernel [4,2,2]',
      'self_attention/key/bias [2,2]',
      'self_attention/value/kernel [4,2,2]',
      'self_attention/value/bias [2,2]',
      'self_attention/attention_output/kernel [2,2,4]',
      'self_attention/attention_output/bias [4]',
      'self_attention_layer_norm/gamma [4]',
      'self_attention_layer_norm/beta [4]',
      'feedforward_layer_norm/gamma [4]',
      'feedforward_layer_norm/beta [4]',
      'feedforward_intermediate_dense/kernel [4,3]',
      'feedforward_intermediate_dense/bias [3]',
      'feedforward_output_dense/kernel [3,4]',
      'feedforward_output_dense/bias [4]',
    ]);
    expect(block.weights[0].name).toBe('encoder_order_test/self_attention/query/kernel');
    expect(block.countParams()).toBe(4 * (16 + 4) + 16 + 12 + 3 + 12 + 4);
    expect(block.weights.length).toBe(16);
    // Copying weights between blocks gives identical outputs.
    const copy = new TransformerEncoderBlock({ numHeads: 2, intermediateDim: 3 });
    const x = tensor(randomValues(1 * 3 * 4), [1, 3, 4]);
    randomizeWeights(block);
    copy.apply(x);
    copy.setWeights(block.getWeights());
    expectValuesClose(copy.apply(x).dataSync(), block.apply(x).dataSync(), 1e-6);
    // trainable reaches every sub-layer weight.
    block.trainable = false;
    expect(block.trainableWeights.length).toBe(0);
    expect(block.nonTrainableWeights.length).toBe(16);
    block.trainable = true;
    expect(block.trainableWeights.length).toBe(16);
    block.dispose();
    copy.dispose();
  });

  for (const normFirst of [false, true]) {
    it(`input and weight gradients match finite differences (normFirst ${normFirst})`, () => {
      const block = new TransformerEncoderBlock({ numHeads: 2, intermediateDim: 3, normFirst, activation: 'tanh' });
      block.buildFromShapes([[1, 3, 4]]);
      randomizeWeights(block);
      const x = tensor(randomValues(1 * 3 * 4), [1, 3, 4]);
      const mask = tensor([true, true, false], [1, 3], 'bool');
      expectGradientsMatchFiniteDifferences((values) => block.apply(values[0], { mask }), [x], block.trainableWeights, {
        step: 1e-2,
        tolerance: 2e-2,
      });
      block.dispose();
    });
  }

  it('padded steps influence only their own outputs', () => {
    const block = new TransformerEncoderBlock({ numHeads: 2, intermediateDim: 5 });
    const values = randomValues(1 * 4 * 6);
    const x = tensor(values, [1, 4, 6]);
    const mask = tensor([true, true, true, false], [1, 4], 'bool');
    const before = block.apply(x, { mask }).dataSync();
    const changed = Float32Array.from(values);
    for (let feature = 0; feature < 6; feature++) changed[3 * 6 + feature] += 2;
    const after = block.apply(tensor(changed, [1, 4, 6]), { mask }).dataSync();
    for (let position = 0; position < before.length; position++) {
      if (position < 18) expect(after[position]).toBeCloseTo(before[position], 5);
      else expect(Math.abs(after[position] - before[position])).toBeGreaterThan(1e-6);
    }
    const unmasked = block.apply(tensor(changed, [1, 4, 6])).dataSync();
    expect(Math.abs(unmasked[0] - block.apply(x).dataSync()[0])).toBeGreaterThan(1e-6);
    block.dispose();
  });

  it('applies dropout only while training, works symbolically and leaks no tensors', () => {
    const block = new TransformerEncoderBlock({ numHeads: 1, intermediateDim: 4, dropout: 0.5 });
    expect(block.apply(symbolicInput({ shape: [7, 4] })).shape).toEqual([null, 7, 4]);
    const x = tensor(randomValues(2 * 7 * 4), [2, 7, 4]);
    const inference = block.apply(x).dataSync();
    const training = block.apply(x, { training: true }).dataSync();
    expect(Array.from(training).some((value, position) => Math.abs(value - inference[position]) > 1e-4)).toBe(true);
    const shorter = tensor(randomValues(2 * 3 * 4), [2, 3, 4]);
    const mask = tensor(paddingMask([3, 1], 3), [2, 3], 'bool');
    tidy(() => block.apply(shorter, { mask, training: true })).dispose();
    const before = memory().numTensors;
    for (let round = 0; round < 3; round++) {
      tidy(() => block.apply(shorter, { mask, training: true })).dispose();
      tidy(() => block.apply(x)).dispose();
    }
    expect(memory().numTensors).toBe(before);
    const weightCount = block.weights.length;
    const beforeDispose = memory().numTensors;
    block.dispose();
    expect(memory().numTensors).toBe(beforeDispose - weightCount);
    expect(block.weights.length).toBe(0);
  });

  it('rejects bad options and inputs with typed errors', () => {
    const make = (options: Partial<TransformerEncoderBlockOptions>) => () =>
      new TransformerEncoderBlock({ numHeads: 2, intermediateDim: 4, ...options });
    expect(make({ numHeads: 0 })).toThrow(/TransformerEncoderBlock: numHeads must be a positive integer, got 0/);
    expect(make({ intermediateDim: 2.5 })).toThrow(InvalidArgumentError);
    expect(make({ dropout: -0.1 })).toThrow(/dropout must be a number in \[0, 1\)/);
    expect(make({ layerNormEpsilon: -1 })).toThrow(/layerNormEpsilon/);
    expect(make({ activation: 'nope' as never })).toThrow(InvalidArgumentError);
    const block = make({})();
    expect(() => block.apply(tensor(randomValues(2 * 3 * 5), [2, 3, 5]))).toThrow(
      /model size 5 must be a multiple of numHeads 2/,
    );
    const other = make({})();
    expect(() => other.apply(tensor(randomValues(6), [2, 3]))).toThrow(ShapeError);
    other.apply(tensor(randomValues(12), [1, 3, 4]));
    expect(() => other.apply(tensor(randomValues(18), [1, 3, 6]))).toThrow(ShapeError);
    expect(() => other.apply(tensor(randomValues(12), [1, 3, 4]), { mask: tensor([true], [1, 1, 1], 'bool') })).toThrow(
      ShapeError,
    );
    other.dispose();
    const custom = make({ activation: (value: Tensor) => value })();
    expect(() => custom.getConfig()).toThrow(/pass an activation name/);
  });

  it('getConfig round-trips', () => {
    const block = new TransformerEncoderBlock({
      numHeads: 4,
      intermediateDim: 16,
      dropout: 0.1,
      normFirst: true,
      activation: 'gelu',
      layerNormEpsilon: 1e-6,
      kernelInitializer: 'heNormal',
      name: 'encoder_config_test',
    });
    const config = block.getConfig();
    expect(config).toMatchObject({
      name: 'encoder_config_test',
      numHeads: 4,
      intermediateDim: 16,
      dropout: 0.1,
      normFirst: true,
      activation: 'gelu',
      layerNormEpsilon: 1e-6,
      kernelInitializer: 'heNormal',
      biasInitializer: 'zeros',
    });
    const rebuilt = new TransformerEncoderBlock({
      ...(config as unknown as TransformerEncoderBlockOptions),
      name: 'encoder_config_copy',
    });
    expect({ ...rebuilt.getConfig(), name: config.name }).toEqual(config);
    expect(rebuilt.className).toBe('TransformerEncoderBlock');
  });
});
