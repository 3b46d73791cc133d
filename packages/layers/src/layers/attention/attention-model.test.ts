import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memory, setSeed, type Tensor, tensor } from '@tessera/core';
import { afterAll, describe, expect, it } from 'vitest';
import { input } from '../../functional/input';
import { loadModel } from '../../models/load-model';
import { Model } from '../../models/model';
import { registerLayer } from '../../serialization/layer-registry';
import { Dense } from '../dense';
import { Flatten } from '../flatten';
import { MultiHeadAttention } from './multi-head-attention';
import { PositionalEmbedding } from './positional-embedding';
import { TransformerDecoderBlock } from './transformer-decoder-block';
import { TransformerEncoderBlock } from './transformer-encoder-block';

const folder = mkdtempSync(join(tmpdir(), 'tessera-attention-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Sequences of ids 1..5 padded with 0; the label is whether id 5 occurs among the real steps. */
function toyData(count: number): { ids: Tensor; labels: Tensor } {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const ids: number[] = [];
  const labels: number[] = [];
  for (let example = 0; example < count; example++) {
    const length = 2 + Math.floor(next() * 5);
    const row = Array.from({ length: 6 }, (_, step) => (step < length ? 1 + Math.floor(next() * 5) : 0));
    ids.push(...row);
    labels.push(row.includes(5) ? 1 : 0);
  }
  return { ids: tensor(ids, [count, 6], 'int32'), labels: tensor(labels, [count], 'int32') };
}

function bits(x: Tensor): number[] {
  return Array.from(new Uint32Array(Float32Array.from(x.dataSync()).buffer));
}

describe('attention layers in a functional model', () => {
  it('trains with masks flowing from PositionalEmbedding, then saves and reloads bit for bit', async () => {
    setSeed(3);
    const before = memory().numTensors;
    const ids = input({ shape: [6], dtype: 'int32' });
    const embedded = new PositionalEmbedding({ sequenceLength: 6, inputDim: 6, outputDim: 8, maskZero: true }).apply(
      ids,
    );
    const attended = new MultiHeadAttention({ numHeads: 2, keyDim: 4 }).apply([embedded, embedded]);
    const encoded = new TransformerEncoderBlock({ numHeads: 2, intermediateDim: 16 }).apply(attended);
    const decoded = new TransformerDecoderBlock({ numHeads: 2, intermediateDim: 8, normFirst: true }).apply([
      encoded,
      embedded,
    ]);
    const output = new Dense({ units: 2, activation: 'softmax' }).apply(new Flatten().apply(decoded));
    const model = new Model({ inputs: ids, outputs: output });
    const weightCount = model.weights.length;
    expect(weightCount).toBe(2 + 8 + 16 + 26 + 2);
    const { ids: data, labels } = toyData(96);
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(data, labels, { epochs: 8, batchSize: 16, verbose: 0, seed: 2 });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.8);

    for (const layerClass of [
      PositionalEmbedding,
      MultiHeadAttention,
      TransformerEncoderBlock,
      TransformerDecoderBlock,
    ]) {
      registerLayer(layerClass.name, layerClass as never);
    }
    const url = `file://${join(folder, 'toy-transformer')}`;
    await model.save(url);
    const again = await loadModel(url);
    const expected = model.predict(data) as Tensor;
    const actual = again.predict(data) as Tensor;
    expect(bits(actual)).toEqual(bits(expected));
    for (const value of [expected, actual, data, labels]) value.dispose();
    model.dispose();
    again.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('a functional self-attention node receives the embedding padding mask as a key mask', () => {
    const ids = input({ shape: [4], dtype: 'int32' });
    const embedding = new PositionalEmbedding({ sequenceLength: 4, inputDim: 5, outputDim: 6, maskZero: true });
    const attention = new MultiHeadAttention({ numHeads: 3, keyDim: 2 });
    const embedded = embedding.apply(ids);
    const model = new Model({ inputs: ids, outputs: attention.apply([embedded, embedded]) });
    const data = tensor([1, 2, 0, 0, 3, 4, 4, 0], [2, 4], 'int32');
    const actual = model.predict(data) as Tensor;
    const values = embedding.apply(data);
    const keyMask = tensor([true, true, false, false, true, true, true, false], [2, 1, 4], 'bool');
    const masked = attention.applyWithOptions([values, values], { attentionMask: keyMask }).output;
    const unmasked = attention.apply([values, values]);
    expect(bits(actual)).toEqual(bits(masked));
    expect(bits(actual)).not.toEqual(bits(unmasked));
    for (const value of [data, actual, values, keyMask, masked, unmasked]) value.dispose();
    model.dispose();
  });
});
