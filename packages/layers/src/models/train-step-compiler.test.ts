import { memory, setSeed, type Tensor, tensor } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../layer';
import { BatchNormalization } from '../layers/batch-normalization';
import { Conv2D } from '../layers/conv2d-layer';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout-layer';
import { Embedding } from '../layers/embedding';
import { Flatten } from '../layers/flatten';
import { MaxPool2D } from '../layers/max-pool2d-layer';
import { LSTM } from '../layers/recurrent/lstm';
import type { LossIdentifier } from './compile-model';
import type { History } from './run-fit';
import { Sequential } from './sequential';

function seededValues(count: number, seed: number, scale = 1): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648) * scale;
  });
}

/** The examples' three kinds of model, small: an MLP with dropout, a CNN with batch norm, an LSTM language model. */
const cases: Array<{ name: string; layers: () => Layer[]; x: () => Tensor; y: () => Tensor; loss: LossIdentifier }> = [
  {
    name: 'MLP with dropout',
    layers: () => [
      new Dense({ units: 16, activation: 'relu', inputShape: [12] }),
      new Dropout({ rate: 0.3 }),
      new Dense({ units: 5, activation: 'softmax' }),
    ],
    x: () => tensor(seededValues(10 * 12, 1), [10, 12]),
    y: () => tensor(Float32Array.from(seededValues(10, 2, 5), Math.floor), [10]),
    loss: 'sparseCategoricalCrossentropy',
  },
  {
    name: 'CNN with batch normalization',
    layers: () => [
      new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1] }),
      new BatchNormalization({}),
      new MaxPool2D({ poolSize: 2 }),
      new Flatten({}),
      new Dense({ units: 3, activation: 'softmax' }),
    ],
    x: () => tensor(seededValues(10 * 64, 3), [10, 8, 8, 1]),
    y: () => tensor(Float32Array.from(seededValues(10, 4, 3), Math.floor), [10]),
    loss: 'sparseCategoricalCrossentropy',
  },
  {
    name: 'LSTM language model',
    layers: () => [
      new Embedding({ inputDim: 10, outputDim: 6, inputShape: [7] }),
      new LSTM({ units: 8, returnSequences: true }),
      new Dense({ units: 10, activation: 'softmax' }),
    ],
    x: () => tensor(Float32Array.from(seededValues(10 * 7, 5, 10), Math.floor), [10, 7]),
    y: () => tensor(Float32Array.from(seededValues(10 * 7, 6, 10), Math.floor), [10, 7]),
    loss: 'sparseCategoricalCrossentropy',
  },
];

/** Fits a fresh model from fixed weights; returns the history, the final weights and tensor ids used per batch. */
async function fitOnce(
  testCase: (typeof cases)[number],
  weights: readonly Tensor[] | undefined,
  runEagerly: boolean,
): Promise<{ history: History; weights: number[][]; idsPerBatch: number[]; initial: Tensor[] }> {
  // Fixed initial weights (the first run draws them), so the loss comparison below does not depend on luck.
  setSeed(3);
  const model = new Sequential(testCase.layers());
  model.compile({ optimizer: 'adam', loss: testCase.loss, metrics: ['accuracy'], runEagerly });
  const x = testCase.x();
  const y = testCase.y();
  model.build([null, ...x.shape.slice(1)]);
  if (weights !== undefined) model.setWeights(weights);
  const initial = model.getWeights();
  // Tensor ids count every tensor made: a replayed step makes a handful, an eager one hundreds.
  const ids: number[] = [];
  const nextId = () => {
    const probe = tensor([0]);
    probe.dispose();
    return probe.id;
  };
  setSeed(5);
  const history = await model.fit(x, y, {
    epochs: 8,
    batchSize: 4,
    seed: 9,
    verbose: 0,
    callbacks: [{ onBatchEnd: () => void ids.push(nextId()) }],
  });
  const finalWeights = model.getWeights().map((weight) => {
    const values = Array.from(weight.dataSync());
    weight.dispose();
    return values;
  });
  model.dispose();
  x.dispose();
  y.dispose();
  return { history, weights: finalWeights, idsPerBatch: ids.slice(1).map((id, index) => id - ids[index]), initial };
}

describe('fit with a compiled step', () => {
  for (const testCase of cases) {
    it(`gives the eager results bit for bit: ${testCase.name}`, async () => {
      const before = memory().numTensors;
      const eager = await fitOnce(testCase, undefined, true);
      const compiled = await fitOnce(testCase, eager.initial, false);
      expect(compiled.history).toEqual(eager.history);
      expect(compiled.weights).toEqual(eager.weights);
      expect(eager.history.history.loss[7]).toBeLessThan(eager.history.history.loss[0]);
      // Batches of 4, 4 and 2 examples: two signatures, each traced twice; the last epoch's batches replay.
      const lastEpoch = (run: typeof eager) => run.idsPerBatch.slice(-3);
      for (const [position, ids] of lastEpoch(compiled).entries()) {
        expect(ids).toBeLessThan(lastEpoch(eager)[position] / 3);
      }
      for (const tensorMade of [...eager.initial, ...compiled.initial]) tensorMade.dispose();
      expect(memory().numTensors).toBe(before);
    });
  }
});
