import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memory, setSeed, type Tensor, tensor } from '@tessera/core';
import { afterAll, describe, expect, it } from 'vitest';
import { input } from '../functional/input';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout-layer';
import { loadModel } from './load-model';
import { Model } from './model';
import { Sequential } from './sequential';

const folder = mkdtempSync(join(tmpdir(), 'tessera-save-load-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function seededValues(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
}

function bits(x: Tensor): number[] {
  return Array.from(new Uint32Array(Float32Array.from(x.dataSync()).buffer));
}

function classifier(): Sequential {
  return new Sequential([
    new Dense({ units: 16, activation: 'relu', inputShape: [4] }),
    new Dropout({ rate: 0.2 }),
    new Dense({ units: 3, activation: 'softmax' }),
  ]);
}

describe('save and loadModel', () => {
  const x = tensor(seededValues(48 * 4, 1), [48, 4]);
  const y = tensor(
    Int32Array.from({ length: 48 }, (_, row) => row % 3),
    [48],
    'int32',
  );
  afterAll(() => {
    x.dispose();
    y.dispose();
  });

  it('round-trips a trained Sequential model bit for bit and resumes training exactly with the optimizer state', async () => {
    setSeed(11);
    const model = classifier();
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 4 });
    const url = `file://${join(folder, 'mlp')}`;
    await model.save(url, { includeOptimizer: true });
    const saved = JSON.parse(readFileSync(join(folder, 'mlp', 'model.json'), 'utf8'));
    expect(saved.modelTopology.className).toBe('Sequential');
    expect(saved.trainingConfig.optimizer.name).toBe('adam');

    const again = await loadModel(url);
    expect(again.layers.map((layer) => layer.className)).toEqual(['Dense', 'Dropout', 'Dense']);
    const expected = model.predict(x);
    const actual = again.predict(x) as Tensor;
    expect(bits(actual)).toEqual(bits(expected));
    // The same further training on both (same shuffle seed, same dropout stream) must land on the same weights.
    setSeed(12);
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 5 });
    setSeed(12);
    await again.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 5 });
    const original = model.getWeights();
    const resumed = again.getWeights();
    for (const [index, weight] of original.entries()) expect(bits(resumed[index])).toEqual(bits(weight));
    for (const value of [expected, actual, ...original, ...resumed]) value.dispose();
    model.dispose();
    again.dispose();
  });

  it('resumes fit exactly: a checkpoint after epoch 1, loaded and fit with initialEpoch 1, repeats epoch 2', async () => {
    setSeed(31);
    const straight = classifier();
    straight.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    const url = `file://${join(folder, 'resume')}`;
    const straightLosses: number[] = [];
    let epochNow = 0;
    await straight.fit(x, y, {
      epochs: 2,
      batchSize: 8,
      verbose: 0,
      seed: 9,
      callbacks: [
        {
          onEpochBegin: (epoch: number) => {
            epochNow = epoch;
          },
        },
        {
          onBatchEnd: (_batch: number, logs: Record<string, number>) =>
            void (epochNow === 1 && straightLosses.push(logs.loss)),
        },
        {
          onEpochEnd: async (epoch: number) => {
            if (epoch !== 0) return;
            await straight.save(url, { includeOptimizer: true });
            // Dropout draws from the global stream: both runs restart it here.
            setSeed(32);
          },
        },
      ],
    });
    const resumed = await loadModel(url);
    const resumedLosses: number[] = [];
    setSeed(32);
    await resumed.fit(x, y, {
      epochs: 2,
      initialEpoch: 1,
      batchSize: 8,
      verbose: 0,
      seed: 9,
      callbacks: [{ onBatchEnd: (_batch: number, logs: Record<string, number>) => void resumedLosses.push(logs.loss) }],
    });
    expect(resumedLosses).toHaveLength(6);
    expect(resumedLosses).toEqual(straightLosses);
    straight.dispose();
    resumed.dispose();
  });

  it('round-trips a functional model with two inputs and frees everything when disposed', async () => {
    const before = memory().numTensors;
    const left = input({ shape: [4], name: 'left' });
    const right = input({ shape: [2], name: 'right' });
    const hidden = new Dense({ units: 5, activation: 'tanh' }).apply(left);
    const other = new Dense({ units: 5 }).apply(right);
    const output = new Dense({ units: 1 }).apply(new Dense({ units: 3 }).apply(hidden));
    const side = new Dense({ units: 2 }).apply(other);
    const model = new Model({ inputs: [left, right], outputs: [output, side] });
    const url = `file://${join(folder, 'functional')}`;
    await model.save(url);
    const again = await loadModel(url);
    const second = tensor(seededValues(48 * 2, 2), [48, 2]);
    const expected = model.predict([x, second]) as Tensor[];
    const actual = again.predict([x, second]) as Tensor[];
    for (const [index, tensorValue] of expected.entries()) expect(bits(actual[index])).toEqual(bits(tensorValue));
    for (const value of [...expected, ...actual, second]) value.dispose();
    model.dispose();
    again.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('rejects hostile or mismatched architectures with clear errors and no huge allocation', async () => {
    const model = classifier();
    model.build([null, 4]);
    const url = join(folder, 'hostile');
    await model.save(`file://${url}`);
    const original = readFileSync(join(url, 'model.json'), 'utf8');
    // biome-ignore lint/suspicious/noExplicitAny: the tests edit arbitrary fields of a parsed model.json.
    const rewrite = (change: (json: Record<string, any>) => void) => {
      const json = JSON.parse(original);
      change(json);
      writeFileSync(join(url, 'model.json'), JSON.stringify(json));
    };
    const before = memory().numTensors;
    rewrite((json) => {
      json.modelTopology.layers[0].config.units = 1e9;
    });
    await expect(loadModel(`file://${url}`)).rejects.toThrow(
      /needs 4000000000 elements, more than the weights file holds/,
    );
    rewrite((json) => {
      json.modelTopology.layers[2].className = 'EvilLayer';
    });
    await expect(loadModel(`file://${url}`)).rejects.toThrow(/unknown layer class 'EvilLayer'.*registerLayer/);
    rewrite((json) => {
      json.modelTopology.layers[2].config.units = 4;
    });
    await expect(loadModel(`file://${url}`)).rejects.toThrow(/model.json does not match its weights/);
    rewrite((json) => {
      json.modelTopology.layers[2].config.name = 'renamed';
    });
    await expect(loadModel(`file://${url}`)).rejects.toThrow(/the weights file has no tensor 'renamed\/kernel'/);
    rewrite((json) => {
      json.modelTopology.className = 'Graph';
    });
    await expect(loadModel(`file://${url}`)).rejects.toThrow(/className must be 'Sequential' or 'Model'/);
    expect(memory().numTensors).toBe(before);
    model.dispose();
  });
});
