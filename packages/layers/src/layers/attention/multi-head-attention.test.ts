import { InvalidArgumentError, memory, ShapeError, type Tensor, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { expectGradientsMatchFiniteDifferences, expectValuesClose, randomValues } from '../layer-test-helpers';
import { referenceAttention } from './attention-reference';
import { MultiHeadAttention, type MultiHeadAttentionOptions } from './multi-head-attention';

interface Case {
  label: string;
  options: MultiHeadAttentionOptions;
  queryShape: number[];
  valueShape: number[];
  keyFeatures?: number;
}

const cases: Case[] = [
  { label: 'one head, self-sized', options: { numHeads: 1, keyDim: 4 }, queryShape: [2, 3, 5], valueShape: [2, 3, 5] },
  {
    label: 'three heads, key ≠ value, valueDim ≠ keyDim',
    options: { numHeads: 3, keyDim: 2, valueDim: 3 },
    queryShape: [2, 4, 5],
    valueShape: [2, 6, 3],
    keyFeatures: 4,
  },
  {
    label: 'no bias, outputShape',
    options: { numHeads: 2, keyDim: 3, useBias: false, outputShape: 7 },
    queryShape: [1, 5, 4],
    valueShape: [1, 2, 6],
  },
];

/** Builds the layer, gives it random weights (biases too, so they matter) and returns their values. */
function randomizeWeights(layer: MultiHeadAttention, shapes: number[][]): Float32Array[] {
  layer.buildFromShapes(shapes);
  const values = layer.weights.map((weight) => randomValues(weight.size, 0.7));
  layer.setWeights(values.map((value, position) => tensor(value, layer.weights[position].shape)));
  return values;
}

function setup(testCase: Case) {
  const { queryShape, valueShape, keyFeatures } = testCase;
  const keyShape = keyFeatures === undefined ? undefined : [valueShape[0], valueShape[1], keyFeatures];
  const layer = new MultiHeadAttention(testCase.options);
  const weights = randomizeWeights(
    layer,
    keyShape === undefined ? [queryShape, valueShape] : [queryShape, valueShape, keyShape],
  );
  const size = (shape: number[]) => shape.reduce((product, length) => product * length, 1);
  const query = randomValues(size(queryShape));
  const value = randomValues(size(valueShape));
  const key = keyShape === undefined ? undefined : randomValues(size(keyShape));
  const inputs = [tensor(query, queryShape), tensor(value, valueShape)];
  if (key !== undefined && keyShape !== undefined) inputs.push(tensor(key, keyShape));
  const reference = (allowed?: (b: number, t: number, s: number) => boolean) =>
    referenceAttention({
      query,
      queryShape,
      value,
      valueShape,
      key,
      keyShape,
      weights,
      numHeads: layer.numHeads,
      keyDim: layer.keyDim,
      valueDim: layer.valueDim,
      outputSize: testCase.options.outputShape ?? queryShape[2],
      useBias: layer.useBias,
      allowed,
    });
  return { layer, inputs, reference };
}

describe('MultiHeadAttention', () => {
  for (const testCase of cases) {
    it(`matches a float64 reference: ${testCase.label}`, () => {
      const { layer, inputs, reference } = setup(testCase);
      const expected = reference();
      const { output, scores } = layer.applyWithOptions(inputs, { returnAttentionScores: true });
      expect(output.shape).toEqual([
        testCase.queryShape[0],
        testCase.queryShape[1],
        testCase.options.outputShape ?? testCase.queryShape[2],
      ]);
      expectValuesClose(output.dataSync(), expected.output, 1e-4);
      expectValuesClose((scores as Tensor).dataSync(), expected.scores, 1e-4);
      expectValuesClose(layer.apply(inputs).dataSync(), expected.output, 1e-4);
      expect(layer.outputShapeFor(inputs.map((input) => input.shape))).toEqual(output.shape);
      layer.dispose();
    });

    it(`matches the reference with a causal mask and an attention mask: ${testCase.label}`, () => {
      const { layer, inputs, reference } = setup(testCase);
      const [batch, querySteps] = testCase.queryShape;
      const keySteps = testCase.valueShape[1];
      const maskValues = Array.from(
        { length: batch * querySteps * keySteps },
        (_, position) => position % keySteps === 0 || Math.random() < 0.6,
      );
      const allowedByMask = (b: number, t: number, s: number) => maskValues[(b * querySteps + t) * keySteps + s];
      const attentionMask = tensor(maskValues, [batch, querySteps, keySteps], 'bool');
      const causal = layer.applyWithOptions(inputs, { useCausalMask: true, returnAttentionScores: true });
      const causalExpected = reference((_b, t, s) => s <= t);
      expectValuesClose(causal.output.dataSync(), causalExpected.output, 1e-4);
      expectValuesClose((causal.scores as Tensor).dataSync(), causalExpected.scores, 1e-4);
      const masked = layer.applyWithOptions(inputs, { attentionMask, returnAttentionScores: true });
      expectValuesClose(masked.output.dataSync(), reference(allowedByMask).output, 1e-4);
      // Masked positions get exactly zero probability.
      const scoreValues = (masked.scores as Tensor).dataSync();
      scoreValues.forEach((score, position) => {
        const s = position % keySteps;
        const t = Math.floor(position / keySteps) % querySteps;
        const b = Math.floor(position / (keySteps * querySteps * layer.numHeads));
        if (!allowedByMask(b, t, s)) expect(score).toBe(0);
      });
      const both = layer.applyWithOptions(inputs, { attentionMask, useCausalMask: true });
      expectValuesClose(both.output.dataSync(), reference((b, t, s) => s <= t && allowedByMask(b, t, s)).output, 1e-4);
      // A 0/1 numeric mask means the same as the bool one.
      const numeric = layer.applyWithOptions(inputs, {
        attentionMask: tensor(maskValues.map(Number), attentionMask.shape, 'int32'),
      });
      expectValuesClose(numeric.output.dataSync(), masked.output.dataSync(), 1e-6);
      layer.dispose();
    });

    it(`input and weight gradients match finite differences: ${testCase.label}`, () => {
      const { layer, inputs } = setup(testCase);
      const keySteps = testCase.valueShape[1];
      const attentionMask = tensor(
        Array.from({ length: testCase.queryShape[1] * keySteps }, (_, position) => position % keySteps !== 1),
        [1, testCase.queryShape[1], keySteps],
        'bool',
      );
      expectGradientsMatchFiniteDifferences(
        (values) => layer.applyWithOptions(values, { attentionMask }).output,
        inputs,
        layer.trainableWeights,
        { step: 1e-2, tolerance: 1e-2 },
      );
      layer.dispose();
    });
  }

  it('uses the layout and order of Keras weights', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 4, outputShape: 6 });
    layer.buildFromShapes([
      [null, 5, 7],
      [null, 2, 8],
      [null, 2, 9],
    ]);
    expect(layer.namedWeights.map((entry) => [entry.key, entry.variable.shape])).toEqual([
      ['query/kernel', [7, 2, 3]],
      ['query/bias', [2, 3]],
      ['key/kernel', [9, 2, 3]],
      ['key/bias', [2, 3]],
      ['value/kernel', [8, 2, 4]],
      ['value/bias', [2, 4]],
      ['attention_output/kernel', [2, 4, 6]],
      ['attention_output/bias', [6]],
    ]);
    expect(layer.weights[0].name).toBe(`${layer.name}/query/kernel`);
    expect(layer.countParams()).toBe(7 * 6 + 6 + 9 * 6 + 6 + 8 * 8 + 8 + 8 * 6 + 6);
    layer.dispose();
  });

  it('useCausalMask as a constructor option equals the call-time override', () => {
    const { layer, inputs } = setup(cases[0]);
    const causalLayer = new MultiHeadAttention({ ...cases[0].options, useCausalMask: true });
    causalLayer.buildFromShapes(inputs.map((input) => input.shape));
    causalLayer.setWeights(layer.getWeights());
    const expected = layer.applyWithOptions(inputs, { useCausalMask: true }).output;
    expectValuesClose(causalLayer.apply(inputs).dataSync(), expected.dataSync(), 1e-6);
    layer.dispose();
    causalLayer.dispose();
  });

  it('a self-attention padding mask hides the padded keys and changes nothing else', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3 });
    const x = tensor(randomValues(2 * 4 * 5), [2, 4, 5]);
    const mask = tensor([true, true, true, false, true, true, false, false], [2, 4], 'bool');
    const output = layer.apply([x, x], { mask });
    const weights = layer.weights.map((weight) => weight.dataSync());
    const expected = referenceAttention({
      query: x.dataSync(),
      queryShape: x.shape,
      value: x.dataSync(),
      valueShape: x.shape,
      weights,
      numHeads: 2,
      keyDim: 3,
      valueDim: 3,
      outputSize: 5,
      useBias: true,
      allowed: (b, _t, s) => (b === 0 ? s < 3 : s < 2),
    });
    expectValuesClose(output.dataSync(), expected.output, 1e-4);
    // Changing the padded steps' inputs changes only the padded steps' outputs.
    const changed = Float32Array.from(x.dataSync());
    for (const [b, step] of [
      [0, 3],
      [1, 2],
      [1, 3],
    ]) {
      for (let feature = 0; feature < 5; feature++) changed[(b * 4 + step) * 5 + feature] += 3;
    }
    const changedInput = tensor(changed, x.shape);
    const changedOutput = layer.apply([changedInput, changedInput], { mask }).dataSync();
    const original = output.dataSync();
    for (let position = 0; position < original.length; position++) {
      const step = Math.floor(position / 5) % 4;
      const b = Math.floor(position / 20);
      const padded = b === 0 ? step >= 3 : step >= 2;
      if (padded) expect(Math.abs(changedOutput[position] - original[position])).toBeGreaterThan(1e-6);
      else expect(changedOutput[position]).toBeCloseTo(original[position], 5);
    }
    // Unmasked, the padded steps do change the other outputs.
    const unmasked = layer.apply([changedInput, changedInput]).dataSync();
    expect(Math.abs(unmasked[0] - layer.apply([x, x]).dataSync()[0])).toBeGreaterThan(1e-6);
    // The query's mask passes on to the output.
    expect(layer.computeMask([x, x], mask)).toBe(mask);
    layer.dispose();
  });

  it('a query whose keys are all masked attends uniformly, as Keras, without NaNs', () => {
    const { layer, inputs, reference } = setup(cases[1]);
    const [batch, querySteps] = cases[1].queryShape;
    const keySteps = cases[1].valueShape[1];
    // Example 0 may see nothing at all; example 1 sees only key step 2.
    const allowed = (b: number, _t: number, s: number) => b === 1 && s === 2;
    const maskValues = Array.from({ length: batch * querySteps * keySteps }, (_, position) =>
      allowed(Math.floor(position / (querySteps * keySteps)), 0, position % keySteps),
    );
    const attentionMask = tensor(maskValues, [batch, querySteps, keySteps], 'bool');
    const { output, scores } = layer.applyWithOptions(inputs, { attentionMask, returnAttentionScores: true });
    const expected = reference(allowed);
    expectValuesClose(output.dataSync(), expected.output, 1e-4);
    const scoreValues = (scores as Tensor).dataSync();
    expect(scoreValues.every(Number.isFinite)).toBe(true);
    expect(scoreValues[0]).toBeCloseTo(1 / keySteps, 6);
    layer.dispose();
  });

  it('a causal mask keeps each output independent of later steps', () => {
    const layer = new MultiHeadAttention({ numHeads: 3, keyDim: 2, useCausalMask: true });
    const values = randomValues(1 * 5 * 4);
    const x = tensor(values, [1, 5, 4]);
    const before = layer.apply([x, x]).dataSync();
    const changed = Float32Array.from(values);
    for (let feature = 0; feature < 4; feature++) changed[3 * 4 + feature] += 2;
    const changedInput = tensor(changed, [1, 5, 4]);
    const after = layer.apply([changedInput, changedInput]).dataSync();
    for (let position = 0; position < before.length; position++) {
      const step = Math.floor(position / 4);
      if (step < 3) expect(after[position]).toBeCloseTo(before[position], 5);
      else expect(Math.abs(after[position] - before[position])).toBeGreaterThan(1e-6);
    }
    layer.dispose();
  });

  it('attention dropout applies only while training and is reproducible with a seed', () => {
    const make = () =>
      new MultiHeadAttention({ numHeads: 2, keyDim: 4, dropout: 0.5, seed: 7, kernelInitializer: 'ones' });
    const first = make();
    const second = make();
    const x = tensor(randomValues(2 * 6 * 3), [2, 6, 3]);
    const inference = first.apply([x, x]).dataSync();
    expectValuesClose(first.apply([x, x], { training: false }).dataSync(), inference, 1e-7);
    const trainingFirst = first.apply([x, x], { training: true }).dataSync();
    const trainingSecond = second.apply([x, x], { training: true }).dataSync();
    expectValuesClose(trainingFirst, trainingSecond, 1e-6);
    expect(Array.from(trainingFirst).some((value, position) => Math.abs(value - inference[position]) > 1e-4)).toBe(
      true,
    );
    first.dispose();
    second.dispose();
  });

  it('accepts sequences of other lengths after building and leaks no tensors', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    const short = tensor(randomValues(2 * 3 * 4), [2, 3, 4]);
    const long = tensor(randomValues(2 * 7 * 4), [2, 7, 4]);
    const mask = tensor(
      Array.from({ length: 14 }, (_, position) => position % 7 < 5),
      [2, 7],
      'bool',
    );
    tidy(() => layer.apply([short, short]));
    const before = memory().numTensors;
    for (let round = 0; round < 3; round++) {
      tidy(() => layer.apply([long, long], { mask, training: true })).dispose();
      const result = tidy(() =>
        layer.applyWithOptions([short, long], { returnAttentionScores: true, useCausalMask: true }),
      );
      result.output.dispose();
      result.scores?.dispose();
    }
    expect(memory().numTensors).toBe(before);
    layer.dispose();
  });

  it('rejects bad options and inputs with typed errors', () => {
    expect(() => new MultiHeadAttention({ numHeads: 0, keyDim: 2 })).toThrow(InvalidArgumentError);
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: 1.5 })).toThrow(
      /keyDim must be a positive integer, got 1.5/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, dropout: 1 })).toThrow(
      /dropout must be a number in \[0, 1\)/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, outputShape: -1 })).toThrow(/outputShape/);
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 2 });
    const x = tensor(randomValues(6), [1, 2, 3]);
    expect(() => layer.apply(x)).toThrow(/expected \[query, value\] or \[query, value, key\], got 1 inputs/);
    expect(() => layer.apply([tensor([1, 2, 3], [1, 3]), x])).toThrow(ShapeError);
    layer.apply([x, x]);
    expect(() => layer.apply([tensor(randomValues(8), [1, 2, 4]), x])).toThrow(ShapeError);
    expect(() => layer.applyWithOptions([x, x], { attentionMask: tensor([true, false], [1, 2], 'bool') })).toThrow(
      /attentionMask must have shape \[1,2,2\]/,
    );
    expect(() => layer.applyWithOptions([x, x, tensor(randomValues(9), [1, 3, 3])])).toThrow(/value and key the steps/);
    expect(() => layer.applyWithOptions([x, x, tensor(randomValues(12), [2, 2, 3])])).toThrow(/share the batch size/);
    expect(() => layer.apply([x, x], { mask: tensor([true, false, true], [1, 1, 3], 'bool') })).toThrow(ShapeError);
    layer.dispose();
  });

  it('getConfig round-trips', () => {
    const layer = new MultiHeadAttention({
      numHeads: 3,
      keyDim: 2,
      valueDim: 5,
      dropout: 0.25,
      useBias: false,
      outputShape: 4,
      useCausalMask: true,
      seed: 3,
      kernelInitializer: 'heNormal',
      kernelRegularizer: 'l2',
      name: 'attention_config_test',
    });
    const config = layer.getConfig();
    expect(config).toMatchObject({
      name: 'attention_config_test',
      numHeads: 3,
      keyDim: 2,
      valueDim: 5,
      dropout: 0.25,
      useBias: false,
      outputShape: 4,
      useCausalMask: true,
      seed: 3,
      kernelInitializer: 'heNormal',
      biasInitializer: 'zeros',
    });
    const rebuilt = new MultiHeadAttention({
      ...(config as unknown as MultiHeadAttentionOptions),
      name: 'attention_config_copy',
    });
    expect({ ...rebuilt.getConfig(), name: config.name }).toEqual(config);
    expect(rebuilt.className).toBe('MultiHeadAttention');
    const x = tensor(randomValues(2 * 3 * 4), [2, 3, 4]);
    rebuilt.apply([x, x]);
    const penalty = rebuilt.regularizationLoss() as Tensor;
    expect(penalty.dataSync()[0]).toBeGreaterThan(0);
    rebuilt.dispose();
  });
});
