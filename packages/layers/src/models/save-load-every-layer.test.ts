import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memory, setSeed, type Tensor, tensor } from '@tessera/core';
import { afterAll, describe, expect, it } from 'vitest';
import { input } from '../functional/input';
import { Activation } from '../layers/activation';
import { Add } from '../layers/add-layer';
import { AveragePooling1D } from '../layers/average-pooling1d';
import { AveragePooling2D } from '../layers/average-pooling2d';
import { BatchNormalization } from '../layers/batch-normalization';
import { Concatenate } from '../layers/concatenate';
import { Conv1D } from '../layers/conv1d-layer';
import { Conv2D } from '../layers/conv2d-layer';
import { Conv2DTranspose } from '../layers/conv2d-transpose-layer';
import { Dense } from '../layers/dense';
import { DepthwiseConv2D } from '../layers/depthwise-conv2d-layer';
import { Dropout } from '../layers/dropout-layer';
import { Embedding } from '../layers/embedding';
import { Flatten } from '../layers/flatten';
import { GlobalAveragePooling2D } from '../layers/global-average-pooling2d';
import { GlobalMaxPooling2D } from '../layers/global-max-pooling2d';
import { LayerNormalization } from '../layers/layer-normalization';
import { MaxPool2D } from '../layers/max-pool2d-layer';
import { MaxPooling1D } from '../layers/max-pooling1d';
import { Multiply } from '../layers/multiply-layer';
import { Permute } from '../layers/permute';
import { Reshape } from '../layers/reshape-layer';
import { SeparableConv2D } from '../layers/separable-conv2d-layer';
import { l2 } from '../regularizers/l2';
import { loadModel } from './load-model';
import { Model } from './model';

const folder = mkdtempSync(join(tmpdir(), 'tessera-every-layer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function seededValues(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  });
}

/** An image branch, a sequence branch and a token branch using every built-in layer once, merged into two heads. */
function everyLayerModel(): Model {
  const image = input({ shape: [8, 8, 2], name: 'image' });
  const sequence = input({ shape: [10, 3], name: 'sequence' });
  const tokens = input({ shape: [6], dtype: 'int32', name: 'tokens' });
  let x = new Conv2D({
    filters: 4,
    kernelSize: 3,
    padding: 'same',
    activation: 'relu',
    kernelRegularizer: l2({ l2: 0.01 }),
  }).apply(image);
  x = new BatchNormalization().apply(x);
  x = new DepthwiseConv2D({ kernelSize: 3, padding: 'same', depthMultiplier: 2 }).apply(x);
  x = new SeparableConv2D({ filters: 4, kernelSize: 3, padding: 'same' }).apply(x);
  x = new Conv2DTranspose({ filters: 3, kernelSize: 2, strides: 2 }).apply(x);
  x = new MaxPool2D({ poolSize: 2 }).apply(x);
  x = new AveragePooling2D({ poolSize: 2 }).apply(x);
  const pooledMax = new GlobalMaxPooling2D().apply(x);
  const pooledAverage = new GlobalAveragePooling2D().apply(x);
  const imageFeatures = new Multiply().apply([pooledMax, pooledAverage]);
  let s = new Conv1D({ filters: 4, kernelSize: 3, padding: 'causal' }).apply(sequence);
  s = new MaxPooling1D({ poolSize: 2 }).apply(s);
  s = new AveragePooling1D({ poolSize: 1 }).apply(s);
  s = new Permute({ dims: [2, 1] }).apply(s);
  s = new LayerNormalization().apply(s);
  const sequenceFeatures = new Dense({ units: 3 }).apply(new Flatten().apply(s));
  let t = new Embedding({ inputDim: 20, outputDim: 4 }).apply(tokens);
  t = new Reshape({ targetShape: [24] }).apply(t);
  const tokenFeatures = new Dense({ units: 3 }).apply(new Dropout({ rate: 0.5 }).apply(t));
  const summed = new Add().apply([imageFeatures, sequenceFeatures, tokenFeatures]);
  const joined = new Concatenate().apply([summed, tokenFeatures]);
  const probabilities = new Activation({ activation: 'softmax' }).apply(new Dense({ units: 3 }).apply(joined));
  const value = new Dense({ units: 1 }).apply(joined);
  return new Model({ inputs: [image, sequence, tokens], outputs: [probabilities, value] });
}

describe('save and load with every built-in layer', () => {
  it('reloads architecture, weights (incl. moving statistics) and predictions bit for bit', async () => {
    setSeed(21);
    const before = memory().numTensors;
    const model = everyLayerModel();
    const images = tensor(seededValues(4 * 8 * 8 * 2, 1), [4, 8, 8, 2]);
    const sequences = tensor(seededValues(4 * 10 * 3, 2), [4, 10, 3]);
    const tokenIds = tensor(
      Int32Array.from({ length: 24 }, (_, position) => (position * 7) % 20),
      [4, 6],
      'int32',
    );
    const labels = tensor(Int32Array.from([0, 1, 2, 1]), [4], 'int32');
    const targets = tensor(seededValues(4, 3), [4, 1]);
    model.compile({
      optimizer: 'adam',
      loss: ['sparseCategoricalCrossentropy', 'meanSquaredError'],
      metrics: [['accuracy'], ['mae']],
    });
    // Training moves BatchNormalization's moving statistics away from their initial values, so they must be saved.
    await model.fit([images, sequences, tokenIds], [labels, targets], { epochs: 2, batchSize: 2, verbose: 0 });
    const url = `file://${join(folder, 'every-layer')}`;
    await model.save(url, { includeOptimizer: true });
    const again = await loadModel(url);
    expect(again.layers.map((layer) => layer.className)).toEqual(model.layers.map((layer) => layer.className));
    expect(new Set(model.layers.map((layer) => layer.className)).size).toBe(23);
    const expected = model.predict([images, sequences, tokenIds]) as Tensor[];
    const actual = again.predict([images, sequences, tokenIds]) as Tensor[];
    for (const [index, output] of expected.entries()) {
      expect(Array.from(actual[index].dataSync())).toEqual(Array.from(output.dataSync()));
    }
    const originalLoss = (await model.evaluate([images, sequences, tokenIds], [labels, targets])).loss;
    const reloadedLoss = (await again.evaluate([images, sequences, tokenIds], [labels, targets])).loss;
    expect(reloadedLoss).toBe(originalLoss);
    for (const value of [...expected, ...actual, images, sequences, tokenIds, labels, targets]) value.dispose();
    model.dispose();
    again.dispose();
    expect(memory().numTensors).toBe(before);
  });
});
