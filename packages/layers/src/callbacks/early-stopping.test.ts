import { InvalidArgumentError, memory } from '@tessera/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyStopping } from './early-stopping';
import { createFakeTrainingModel, type FakeTrainingModel } from './fake-training-model';
import { runFakeFit } from './run-fake-fit';

const losses = (values: number[]) => values.map((value) => ({ loss: value, val_loss: value }));
let model: FakeTrainingModel | undefined;
afterEach(() => {
  model?.dispose();
  model = undefined;
});

async function epochsRun(values: number[], options: Parameters<typeof earlyStopping>[0]) {
  model = createFakeTrainingModel();
  const callback = earlyStopping(options);
  const logs = await runFakeFit(model, [callback], { epochLogs: losses(values) });
  return { ran: logs.length, callback };
}

describe('earlyStopping', () => {
  it('stops after `patience` epochs without improvement (Keras counting)', async () => {
    // best at epoch 1; epochs 2, 3 do not improve: patience 2 stops at epoch 3.
    const { ran, callback } = await epochsRun([1, 0.5, 0.6, 0.7, 0.8, 0.9], { patience: 2 });
    expect(ran).toBe(4);
    expect(callback.stoppedEpoch).toBe(3);
    expect(callback.bestEpoch).toBe(1);
    expect(callback.best).toBe(0.5);
  });

  it('with patience 0 stops at the first non-improving epoch but never after epoch 0', async () => {
    expect((await epochsRun([1, 2, 3], { patience: 0 })).ran).toBe(2);
    model?.dispose();
    expect((await epochsRun([1, 0.9, 0.8], { patience: 0 })).ran).toBe(3);
  });

  it('does not count changes smaller than minDelta as improvements', async () => {
    const { ran, callback } = await epochsRun([1, 0.99, 0.98, 0.97, 0.5], { patience: 1, minDelta: 0.05 });
    expect(ran).toBe(2);
    expect(callback.stoppedEpoch).toBe(1);
    model?.dispose();
    expect((await epochsRun([1, 0.9, 0.8, 0.7], { patience: 1, minDelta: 0.05 })).ran).toBe(4);
  });

  it('mode auto maximizes accuracy-like keys and minimizes losses; explicit max overrides', async () => {
    for (const monitor of ['val_accuracy', 'auc', 'val_precision', 'recall']) {
      model = createFakeTrainingModel();
      const logs = [0.5, 0.6, 0.55, 0.54].map((value) => ({ [monitor]: value }));
      const ran = await runFakeFit(model, [earlyStopping({ monitor, patience: 1 })], { epochLogs: logs });
      expect(ran).toHaveLength(3);
      model.dispose();
    }
    expect((await epochsRun([1, 2, 3, 2], { monitor: 'loss', mode: 'max', patience: 0 })).ran).toBe(4);
  });

  it('does not reset the wait for improvements that miss the baseline', async () => {
    // Keras: the wait keeps counting from epoch 0 because no value beats 0.1, so patience 3 stops at epoch 2.
    const values = [1, 0.9, 0.95, 0.96, 0.97];
    expect((await epochsRun(values, { patience: 3, baseline: 0.1 })).ran).toBe(3);
    model?.dispose();
    expect((await epochsRun(values, { patience: 3 })).ran).toBe(5);
    model?.dispose();
    expect((await epochsRun([1, 0.05, 0.06, 0.07, 0.08], { patience: 3, baseline: 0.1 })).ran).toBe(5);
  });

  it('ignores epochs before startFromEpoch', async () => {
    expect((await epochsRun([1, 2, 3, 4, 5], { patience: 0, startFromEpoch: 2 })).ran).toBe(4);
  });

  it('restores the best weights when stopped and frees its copies', async () => {
    model = createFakeTrainingModel();
    const trainingModel = model;
    const before = memory().numTensors;
    const callback = earlyStopping({ patience: 1, restoreBestWeights: true });
    await runFakeFit(trainingModel, [callback], {
      epochLogs: losses([1, 0.5, 0.7, 0.8, 0.9]),
      // The weights after epoch e are all e + 10: the best epoch (1) left 11.
      trainEpoch: (epoch) => trainingModel.fillWeights(epoch + 10),
    });
    expect(callback.stoppedEpoch).toBe(2);
    expect(Array.from(trainingModel.variables[0].dataSync())).toEqual([11, 11, 11, 11]);
    expect(Array.from(trainingModel.variables[1].dataSync())).toEqual([11, 11]);
    expect(memory().numTensors).toBe(before);
  });

  it('restores the best weights at the end even when training was not stopped', async () => {
    model = createFakeTrainingModel();
    const trainingModel = model;
    const callback = earlyStopping({ patience: 5, restoreBestWeights: true });
    await runFakeFit(trainingModel, [callback], {
      epochLogs: losses([1, 0.2, 0.7]),
      trainEpoch: (epoch) => trainingModel.fillWeights(epoch + 10),
    });
    expect(callback.stoppedEpoch).toBe(0);
    expect(Array.from(trainingModel.variables[1].dataSync())).toEqual([11, 11]);
  });

  it('leaves the weights alone without restoreBestWeights', async () => {
    model = createFakeTrainingModel();
    const trainingModel = model;
    await runFakeFit(trainingModel, [earlyStopping({ patience: 0 })], {
      epochLogs: losses([1, 2]),
      trainEpoch: (epoch) => trainingModel.fillWeights(epoch + 10),
    });
    expect(Array.from(trainingModel.variables[1].dataSync())).toEqual([11, 11]);
  });

  it('warns once and does nothing when the monitored key is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    model = createFakeTrainingModel();
    const logs = await runFakeFit(model, [earlyStopping({ monitor: 'val_auc' })], { epochLogs: losses([1, 2, 3]) });
    expect(logs).toHaveLength(3);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/val_auc.*available keys: loss, val_loss/);
    warn.mockRestore();
  });

  it('rejects bad options with a typed error', () => {
    expect(() => earlyStopping({ mode: 'best' as 'min' })).toThrow(InvalidArgumentError);
    expect(() => earlyStopping({ patience: -1 })).toThrow(/patience must be a number >= 0/);
  });
});
