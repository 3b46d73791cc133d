import { InvalidArgumentError } from '@tessera/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeTrainingModel, type FakeTrainingModel } from './fake-training-model';
import { learningRateScheduler } from './learning-rate-scheduler';
import { reduceLROnPlateau } from './reduce-lr-on-plateau';
import { runFakeFit } from './run-fake-fit';
import { terminateOnNaN } from './terminate-on-nan';

let model: FakeTrainingModel | undefined;
afterEach(() => {
  model?.dispose();
  model = undefined;
});

const valLosses = (values: number[]) => values.map((value) => ({ loss: value, val_loss: value }));

describe('reduceLROnPlateau', () => {
  it('multiplies the rate by factor after `patience` flat epochs and logs the rate each epoch trained with', async () => {
    model = createFakeTrainingModel(1);
    const logs = await runFakeFit(model, [reduceLROnPlateau({ patience: 2, factor: 0.5 })], {
      epochLogs: valLosses([1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4]),
    });
    expect(logs.map((entry) => entry.learning_rate)).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.25]);
    expect(model.optimizer.learningRate).toBe(0.25);
  });

  it('does not count improvements smaller than minDelta', async () => {
    model = createFakeTrainingModel(1);
    await runFakeFit(model, [reduceLROnPlateau({ patience: 1, minDelta: 0.1 })], {
      epochLogs: valLosses([1, 0.95]),
    });
    expect(model.optimizer.learningRate).toBeCloseTo(0.1, 12);
  });

  it('waits `cooldown` epochs after a reduction before counting again', async () => {
    model = createFakeTrainingModel(1);
    const logs = await runFakeFit(model, [reduceLROnPlateau({ patience: 1, factor: 0.5, cooldown: 2 })], {
      epochLogs: valLosses([1, 1, 1, 1, 1, 1]),
    });
    // Keras's counting: reduced at the end of epoch 1 (counter 2); epoch 2 ends in cooldown (counter 1); at epoch 3
    // the counter reaches 0 first, so that epoch already counts and reduces again. Without cooldown: every epoch.
    expect(logs.map((entry) => entry.learning_rate)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    model.dispose();
    model = createFakeTrainingModel(1);
    const without = await runFakeFit(model, [reduceLROnPlateau({ patience: 1, factor: 0.5 })], {
      epochLogs: valLosses([1, 1, 1, 1]),
    });
    expect(without.map((entry) => entry.learning_rate)).toEqual([1, 1, 0.5, 0.25]);
  });

  it('never goes below minLr and maximizes accuracy in auto mode', async () => {
    model = createFakeTrainingModel(1);
    const accuracies = [0.5, 0.6, 0.6, 0.6, 0.6, 0.6].map((value) => ({ val_accuracy: value }));
    await runFakeFit(model, [reduceLROnPlateau({ monitor: 'val_accuracy', patience: 1, minLr: 0.05 })], {
      epochLogs: accuracies,
    });
    expect(model.optimizer.learningRate).toBe(0.05);
  });

  it('rejects a schedule learning rate at setModel time and bad options at construction', async () => {
    model = createFakeTrainingModel((step) => 0.1 / (1 + step));
    await expect(runFakeFit(model, [reduceLROnPlateau()], { epochLogs: valLosses([1]) })).rejects.toThrow(
      /learningRate is a schedule function/,
    );
    expect(() => reduceLROnPlateau({ factor: 1 })).toThrow(InvalidArgumentError);
    expect(() => reduceLROnPlateau({ cooldown: -1 })).toThrow(/cooldown must be a number >= 0/);
  });
});

describe('learningRateScheduler', () => {
  it('sets the rate from (epoch, lr) at each epoch begin and logs it', async () => {
    model = createFakeTrainingModel(0.1);
    const seen: [number, number][] = [];
    const scheduler = learningRateScheduler((epoch, learningRate) => {
      seen.push([epoch, learningRate]);
      return epoch < 2 ? learningRate : learningRate * 0.5;
    });
    const logs = await runFakeFit(model, [scheduler], { epochLogs: valLosses([1, 1, 1, 1]) });
    expect(seen).toEqual([
      [0, 0.1],
      [1, 0.1],
      [2, 0.1],
      [3, 0.05],
    ]);
    expect(logs.map((entry) => entry.learning_rate)).toEqual([0.1, 0.1, 0.05, 0.025]);
  });

  it('prints with verbose 1 and rejects non-numeric results and schedule optimizers', async () => {
    model = createFakeTrainingModel(0.1);
    const lines: string[] = [];
    await runFakeFit(model, [learningRateScheduler(() => 0.2, { verbose: 1, print: (line) => lines.push(line) })], {
      epochLogs: valLosses([1]),
    });
    expect(lines).toEqual(['Epoch 1: LearningRateScheduler setting learning rate to 0.2.']);
    await expect(
      runFakeFit(model, [learningRateScheduler(() => Number.NaN)], { epochLogs: valLosses([1]) }),
    ).rejects.toThrow(/must return a finite number, got NaN for epoch 0/);
    const scheduled = createFakeTrainingModel(() => 0.1);
    await expect(
      runFakeFit(scheduled, [learningRateScheduler(() => 0.2)], { epochLogs: valLosses([1]) }),
    ).rejects.toThrow(InvalidArgumentError);
    scheduled.dispose();
  });
});

describe('terminateOnNaN', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('stops at the batch whose running loss is %s', async (bad) => {
    model = createFakeTrainingModel();
    const print = vi.fn();
    const seenBatches: number[] = [];
    const logs = await runFakeFit(
      model,
      [terminateOnNaN({ print }), { onBatchEnd: (batch) => void seenBatches.push(batch) }],
      { epochLogs: valLosses([1, 1, 1]), batchLosses: [[1, 1, 1], [1, bad, 1], [1]] },
    );
    expect(seenBatches).toEqual([0, 1, 2, 0, 1]);
    expect(logs).toHaveLength(2);
    expect(print).toHaveBeenCalledWith('Batch 1: Invalid loss, terminating training');
  });

  it('lets finite losses through', async () => {
    model = createFakeTrainingModel();
    const logs = await runFakeFit(model, [terminateOnNaN()], {
      epochLogs: valLosses([1, 1]),
      batchLosses: [[3, 1e30], [2]],
    });
    expect(logs).toHaveLength(2);
  });
});
