import { InvalidArgumentError, memory, ShapeError, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { input as symbolicInput } from '../../functional/input';
import { expectGradientsMatchFiniteDifferences, expectValuesClose, randomValues } from '../layer-test-helpers';
import { paddingMask, randomizeWeights } from './attention-test-helpers';
import { TransformerDecoderBlock, type TransformerDecoderBlockOptions } from './transformer-decoder-block';
import { referenceDecoder } from './transformer-reference';

describe('TransformerDecoderBlock', () => {
  for (const normFirst of [false, true]) {
    it(`matches a hand-composed reference without cross-attention (normFirst ${normFirst})`, () => {
      const shape = [2, 4, 6];
      const block = new TransformerDecoderBlock({ numHeads: 3, intermediateDim: 5, normFirst });
      block.buildFromShapes([shape]);
      const weights = randomizeWeights(block);
      const values = Array.from(randomValues(2 * 4 * 6));
      const x = tensor(values, shape);
      const settings = { numHeads: 3, intermediateDim: 5, normFirst, epsilon: 1e-5, shape };
      const causal = referenceDecoder(values, settings, weights, (_b, t, s) => s <= t);
      expectValuesClose(block.apply(x).dataSync(), causal, 1e-4);
      const lengths = [4, 2];
      const mask = tensor(paddingMask(lengths, 4), [2, 4], 'bool');
      const padded = referenceDecoder(values, settings, weights, (b, t, s) => s <= t && s < lengths[b]);
      expectValuesClose(block.apply(x, { mask }).dataSync(), padded, 1e-4);
      expectValuesClose(block.applyWithMasks([x], { decoderPaddingMask: mask }).dataSync(), padded, 1e-4);
      block.dispose();
    });

    it(`matches a hand-composed reference with cross-attention and both padding masks (normFirst ${normFirst})`, () => {
      const shape = [2, 3, 4];
      const encoderShape = [2, 5, 7];
      const block = new TransformerDecoderBlock({ numHeads: 2, intermediateDim: 3, normFirst });
      block.buildFromShapes([shape, encoderShape]);
      const weights = randomizeWeights(block);
      const values = Array.from(randomValues(2 * 3 * 4));
      const encoderValues = Array.from(randomValues(2 * 5 * 7));
      const inputs = [tensor(values, shape), tensor(encoderValues, encoderShape)];
      const settings = { numHeads: 2, intermediateDim: 3, normFirst, epsilon: 1e-5, shape };
      const decoderLengths = [2, 3];
      const encoderLengths = [5, 1];
      const expected = referenceDecoder(values, settings, weights, (b, t, s) => s <= t && s < decoderLengths[b], {
        values: encoderValues,
        shape: encoderShape,
        allowed: (b, _t, s) => s < encoderLengths[b],
      });
      const output = block.applyWithMasks(inputs, {
        decoderPaddingMask: tensor(paddingMask(decoderLengths, 3), [2, 3], 'bool'),
        encoderPaddingMask: tensor(paddingMask(encoderLengths, 5), [2, 5], 'bool'),
      });
      expectValuesClose(output.dataSync(), expected, 1e-4);
      const unmasked = referenceDecoder(values, settings, weights, (_b, t, s) => s <= t, {
        values: encoderValues,
        shape: encoderShape,
        allowed: () => true,
      });
      expectValuesClose(block.apply(inputs).dataSync(), unmasked, 1e-4);
      block.dispose();
    });
  }

  it('exposes its weights in KerasNLP order, cross-attention included', () => {
    const block = new TransformerDecoderBlock({ numHeads: 1, intermediateDim: 3 });
    block.buildFromShapes([
      [null, 4, 2],
      [null, 6, 5],
    ]);
    const keys = block.namedWeights.map((entry) => entry.key);
    const prefixes = [...new Set(keys.map((key) => key.split('/')[0]))];
    expect(prefixes).toEqual([
      'self_attention',
      'self_attention_layer_norm',
      'cross_attention',
      'cross_attention_layer_norm',
      'feedforward_intermediate_dense',
      'feedforward_output_dense',
      'feedforward_layer_norm',
    ]);
    expect(block.namedWeights.find((entry) => entry.key === 'cross_attention/value/kernel')?.variable.shape).toEqual([
      5, 1, 2,
    ]);
    expect(block.weights.length).toBe(8 + 2 + 8 + 2 + 2 + 2 + 2);
    block.dispose();
  });

  it('input and weight gradients match finite differences with cross-attention', () => {
    const block = new TransformerDecoderBlock({ numHeads: 2, intermediateDim: 3, activation: 'tanh' });
    block.buildFromShapes([
      [1, 3, 4],
      [1, 2, 3],
    ]);
    randomizeWeights(block);
    const inputs = [tensor(randomValues(12), [1, 3, 4]), tensor(randomValues(6), [1, 2, 3])];
    const decoderPaddingMask = tensor([true, true, false], [1, 3], 'bool');
    expectGradientsMatchFiniteDifferences(
      (values) => block.applyWithMasks(values, { decoderPaddingMask }),
      inputs,
      block.trainableWeights,
      { step: 1e-2, tolerance: 2e-2 },
    );
    block.dispose();
  });

  it('each output step is independent of later decoder steps', () => {
    const block = new TransformerDecoderBlock({ numHeads: 2, intermediateDim: 5, normFirst: true });
    const values = randomValues(1 * 5 * 4);
    const encoder = tensor(randomValues(1 * 3 * 4), [1, 3, 4]);
    const before = block.apply([tensor(values, [1, 5, 4]), encoder]).dataSync();
    const changed = Float32Array.from(values);
    // Not a constant shift: layer normalization would cancel it before the attention.
    for (let feature = 0; feature < 4; feature++) changed[2 * 4 + feature] += feature - 1.5;
    const after = block.apply([tensor(changed, [1, 5, 4]), encoder]).dataSync();
    for (let step = 0; step < 5; step++) {
      const differences = Array.from({ length: 4 }, (_, unit) =>
        Math.abs(after[step * 4 + unit] - before[step * 4 + unit]),
      );
      if (step < 2) expect(Math.max(...differences)).toBeLessThan(1e-5);
      else expect(Math.max(...differences)).toBeGreaterThan(1e-4);
    }
    block.dispose();
  });

  it('applies dropout only while training, works symbolically and leaks no tensors', () => {
    const block = new TransformerDecoderBlock({ numHeads: 2, intermediateDim: 4, dropout: 0.4 });
    const symbolic = block.apply([symbolicInput({ shape: [6, 4] }), symbolicInput({ shape: [3, 8] })]);
    expect(symbolic.shape).toEqual([null, 6, 4]);
    const inputs = [tensor(randomValues(2 * 6 * 4), [2, 6, 4]), tensor(randomValues(2 * 3 * 8), [2, 3, 8])];
    const inference = block.apply(inputs).dataSync();
    const training = block.apply(inputs, { training: true }).dataSync();
    expect(Array.from(training).some((value, position) => Math.abs(value - inference[position]) > 1e-4)).toBe(true);
    const masks = {
      decoderPaddingMask: tensor(paddingMask([6, 2], 6), [2, 6], 'bool'),
      encoderPaddingMask: tensor(paddingMask([1, 3], 3), [2, 3], 'bool'),
      training: true,
    };
    tidy(() => block.applyWithMasks(inputs, masks)).dispose();
    const before = memory().numTensors;
    for (let round = 0; round < 3; round++) {
      tidy(() => block.applyWithMasks(inputs, masks)).dispose();
      tidy(() => block.apply(inputs)).dispose();
    }
    expect(memory().numTensors).toBe(before);
    block.dispose();
  });

  it('rejects bad options and inputs with typed errors', () => {
    const make = (options: Partial<TransformerDecoderBlockOptions> = {}) =>
      new TransformerDecoderBlock({ numHeads: 2, intermediateDim: 4, ...options });
    expect(() => make({ normFirst: 'yes' as never })).toThrow(/TransformerDecoderBlock: normFirst must be a boolean/);
    expect(() => make({ numHeads: -2 })).toThrow(InvalidArgumentError);
    const x = tensor(randomValues(2 * 3 * 4), [2, 3, 4]);
    const selfOnly = make();
    selfOnly.apply(x);
    expect(() => selfOnly.applyWithMasks([x, x])).toThrow(/built without cross-attention, got 2 inputs/);
    expect(() => selfOnly.apply([x, x])).toThrow(ShapeError);
    const withCross = make();
    withCross.apply([x, x]);
    expect(() => withCross.applyWithMasks([x])).toThrow(/built with cross-attention, got 1 inputs/);
    expect(() => make().apply([x, x, x])).toThrow(/expected \[x\] or \[x, encoderOutput\], got 3 inputs/);
    expect(() => make().apply([x, tensor(randomValues(6), [2, 3])])).toThrow(ShapeError);
    selfOnly.dispose();
    withCross.dispose();
  });

  it('getConfig round-trips', () => {
    const block = new TransformerDecoderBlock({
      numHeads: 2,
      intermediateDim: 8,
      dropout: 0.2,
      normFirst: true,
      layerNormEpsilon: 1e-3,
      name: 'decoder_config_test',
    });
    const config = block.getConfig();
    expect(config).toMatchObject({
      numHeads: 2,
      intermediateDim: 8,
      dropout: 0.2,
      normFirst: true,
      activation: 'relu',
    });
    const rebuilt = new TransformerDecoderBlock({
      ...(config as unknown as TransformerDecoderBlockOptions),
      name: 'decoder_config_copy',
    });
    expect({ ...rebuilt.getConfig(), name: config.name }).toEqual(config);
    expect(rebuilt.className).toBe('TransformerDecoderBlock');
  });
});
