import { memory, mul, sub, type Tensor, tensor, tidy, type Variable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout-layer';
import { Flatten } from '../layers/flatten';
import { Sequential } from './sequential';

/** A tiny SGD so that these tests do not depend on @tessera/optimizers. */
function localSgd(variables: readonly Variable[], learningRate: number) {
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  return {
    step(gradients: Record<string, Tensor>) {
      for (const [name, gradient] of Object.entries(gradients)) {
        const target = byName.get(name);
        if (target !== undefined) tidy(() => target.assign(sub(target, mul(gradient, learningRate))));
      }
    },
  };
}

/** Two Gaussian blobs centred at (−1.5, −1.5) and (1.5, 1.5), labels 0 and 1. */
function blobs(count: number): { x: Tensor; y: Tensor } {
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let example = 0; example < count; example++) {
    const label = example % 2;
    const centre = label === 0 ? -1.5 : 1.5;
    for (let axis = 0; axis < 2; axis++) {
      const normal = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
      points[example * 2 + axis] = centre + normal;
    }
    labels[example] = label;
  }
  return { x: tensor(points, [count, 2]), y: tensor(labels, [count], 'int32') };
}

function buildModel(): Sequential {
  const model = new Sequential([
    new Dense({ units: 8, activation: 'relu', inputShape: [2] }),
    new Dropout({ rate: 0.1, seed: 1 }),
    new Dense({ units: 2, activation: 'softmax' }),
  ]);
  model.build([null, 2]);
  return model;
}

describe('Sequential', () => {
  it('fit lowers the loss on two blobs, reaches > 90% accuracy and keeps memory flat across epochs', async () => {
    const { x, y } = blobs(400);
    const model = buildModel();
    model.compile({
      optimizer: localSgd(model.trainableWeights, 0.1),
      loss: 'sparseCategoricalCrossentropy',
      metrics: ['accuracy'],
    });
    const tensorsAfterEpoch: number[] = [];
    const history = await model.fit(x, y, {
      epochs: 5,
      batchSize: 16,
      validationSplit: 0.2,
      verbose: 0,
      seed: 3,
      callbacks: [{ onEpochEnd: () => void tensorsAfterEpoch.push(memory().numTensors) }],
    });
    const losses = history.history.loss;
    expect(losses).toHaveLength(5);
    expect(losses[4]).toBeLessThan(losses[0]);
    expect(history.history.accuracy[4]).toBeGreaterThan(0.9);
    expect(history.history.val_accuracy[4]).toBeGreaterThan(0.9);
    expect(history.history.val_loss).toHaveLength(5);
    expect(tensorsAfterEpoch[4]).toBe(tensorsAfterEpoch[0]);
    const evaluation = await model.evaluate(x, y, { batchSize: 64 });
    expect(evaluation.accuracy).toBeGreaterThan(0.9);
    model.dispose();
  });

  it('evaluate is the example-weighted mean, independent of batchSize', async () => {
    const { x, y } = blobs(50);
    const model = buildModel();
    model.compile({
      optimizer: localSgd(model.trainableWeights, 0.1),
      loss: 'sparseCategoricalCrossentropy',
      metrics: ['accuracy'],
    });
    const whole = await model.evaluate(x, y, { batchSize: 50 });
    const batched = await model.evaluate(x, y, { batchSize: 7 });
    expect(batched.loss).toBeCloseTo(whole.loss, 5);
    expect(batched.accuracy).toBeCloseTo(whole.accuracy, 6);
    model.dispose();
  });

  it('predict in batches equals predict in one go, without leaking', () => {
    const { x } = blobs(70);
    const model = buildModel();
    const whole = model.predict(x, { batchSize: 1000 });
    const before = memory().numTensors;
    const batched = model.predict(x, { batchSize: 8 });
    expect(batched.shape).toEqual([70, 2]);
    expect(Array.from(batched.dataSync())).toEqual(Array.from(whole.dataSync()));
    batched.dispose();
    expect(memory().numTensors).toBe(before);
    model.dispose();
  });

  it('summary lists output shapes and parameter counts', () => {
    const model = new Sequential([
      new Flatten({ inputShape: [3, 4] }),
      new Dense({ units: 5, activation: 'relu', name: 'hidden_layer' }),
      new Dense({ units: 2, useBias: false, name: 'output_layer' }),
    ]);
    const text = model.summary({ print: false });
    expect(text).toMatch(/hidden_layer \(Dense\)\s+\[null,5\]\s+65/);
    expect(text).toMatch(/output_layer \(Dense\)\s+\[null,2\]\s+10/);
    expect(text).toMatch(/flatten_\d+ \(Flatten\)\s+\[null,12\]\s+0/);
    expect(text).toContain('Total params: 75');
    expect(model.countParams()).toBe(75);
    model.dispose();
  });

  it('trainOnBatch reports the loss of the batch and updates the weights', async () => {
    const { x, y } = blobs(32);
    const model = buildModel();
    model.compile({ optimizer: localSgd(model.trainableWeights, 0.5), loss: 'sparseCategoricalCrossentropy' });
    const first = await model.trainOnBatch(x, y);
    for (let step = 0; step < 20; step++) await model.trainOnBatch(x, y);
    const last = await model.trainOnBatch(x, y);
    expect(last.loss).toBeLessThan(first.loss);
    model.dispose();
  });

  it('rejects bad calls with typed errors', async () => {
    const model = buildModel();
    const { x, y } = blobs(4);
    await expect(model.fit(x, y)).rejects.toThrow(/fit: call compile\(\{ optimizer, loss \}\) on sequential_\d+ first/);
    model.compile({ optimizer: localSgd([], 0.1), loss: 'meanSquaredError' });
    await expect(model.fit(x, tensor([1, 2], [2]))).rejects.toThrow(
      'fit: every input and target must have the same number of examples on axis 0, got [4,2] [2]',
    );
    await expect(model.fit(x, y, { epochs: 0 })).rejects.toThrow('fit: epochs must be a positive integer, got 0');
    expect(() => model.compile({ optimizer: 'sgd', loss: 'nope' as 'meanSquaredError' })).toThrow(
      /compile: unknown loss 'nope'/,
    );
    expect(() => model.compile({ optimizer: 'nope' as 'sgd', loss: 'meanSquaredError' })).toThrow(
      /createOptimizer: name must be one of/,
    );
    expect(() => model.compile({ optimizer: 42 as unknown as 'sgd', loss: 'meanSquaredError' })).toThrow(
      /compile: optimizer must be a name .* got 42/,
    );
    model.dispose();
  });

  it("compile({ optimizer: 'adam' }) trains through @tessera/optimizers", async () => {
    const { x, y } = blobs(200);
    const model = buildModel();
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 5, batchSize: 16, verbose: 0 });
    expect(history.history.loss[4]).toBeLessThan(history.history.loss[0]);
    model.dispose();
  });
});

describe('progress output', () => {
  it('prints one line per epoch with loss, metrics and time, and nothing with verbose 0', async () => {
    const { progressLogger } = await import('./progress-logger');
    const lines: string[] = [];
    const logger = progressLogger(2, (line) => lines.push(line));
    logger.onEpochBegin?.(0);
    logger.onEpochEnd?.(0, { loss: 0.5, accuracy: 0.75 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Epoch 1\/2 - \d+\.\d+s - loss: 0\.5000 - accuracy: 0\.7500$/);
    const { x, y } = blobs(8);
    const model = buildModel();
    model.compile({ optimizer: localSgd(model.trainableWeights, 0.1), loss: 'sparseCategoricalCrossentropy' });
    const printed: string[] = [];
    const original = process.stdout.write;
    process.stdout.write = ((text: string) => {
      printed.push(String(text));
      return true;
    }) as typeof process.stdout.write;
    try {
      await model.fit(x, y, { epochs: 2, verbose: 0 });
      expect(printed).toHaveLength(0);
      await model.fit(x, y, { epochs: 2, verbose: 2 });
      const lines = printed
        .join('')
        .split('\n')
        .filter((line) => line.length > 0);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^Epoch 2\/2 - 1\/1 - \d+\.\d+s - loss: \d\.\d{4}$/);
    } finally {
      process.stdout.write = original;
    }
    model.dispose();
  });
});

describe('Sequential owns the optimizer it made from a name', () => {
  it("frees the 'adam' slot variables on dispose", async () => {
    const { Sequential } = await import('./sequential');
    const { Dense } = await import('../layers/dense');
    const core = await import('@tessera/core');
    const before = core.memory().numTensors;
    const model = new Sequential([new Dense({ units: 2, inputShape: [3] })]);
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const x = core.ones([4, 3]);
    const y = core.zeros([4, 2]);
    await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
    model.dispose();
    x.dispose();
    y.dispose();
    expect(core.memory().numTensors).toBe(before);
  });
});
