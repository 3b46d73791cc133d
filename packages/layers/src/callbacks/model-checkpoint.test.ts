import { InvalidArgumentError } from '@tessera/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeTrainingModel, type FakeTrainingModel } from './fake-training-model';
import { formatFilepath } from './format-filepath';
import { modelCheckpoint } from './model-checkpoint';
import { runFakeFit } from './run-fake-fit';

let model: FakeTrainingModel | undefined;
afterEach(() => {
  model?.dispose();
  model = undefined;
});

const epochLogs = [
  { loss: 1, val_loss: 0.9, val_accuracy: 0.5 },
  { loss: 0.8, val_loss: 0.95, val_accuracy: 0.6 },
  { loss: 0.6, val_loss: 0.41234, val_accuracy: 0.55 },
];

describe('modelCheckpoint', () => {
  it('saves every epoch to the filled template with a 1-based epoch', async () => {
    model = createFakeTrainingModel();
    await runFakeFit(model, [modelCheckpoint('file://./checkpoints/epoch-{epoch}-{val_loss:.4f}')], { epochLogs });
    expect(model.savedUrls).toEqual([
      'file://./checkpoints/epoch-1-0.9000',
      'file://./checkpoints/epoch-2-0.9500',
      'file://./checkpoints/epoch-3-0.4123',
    ]);
    expect(model.saveOptions).toEqual([
      { includeOptimizer: false },
      { includeOptimizer: false },
      { includeOptimizer: false },
    ]);
  });

  it('with saveBestOnly saves only improvements, in the direction auto mode picks', async () => {
    model = createFakeTrainingModel();
    await runFakeFit(model, [modelCheckpoint('file://best-{epoch:02d}', { saveBestOnly: true })], { epochLogs });
    expect(model.savedUrls).toEqual(['file://best-01', 'file://best-03']);
    model.dispose();
    model = createFakeTrainingModel();
    const lines: string[] = [];
    await runFakeFit(
      model,
      [
        modelCheckpoint('file://acc-{epoch}', {
          monitor: 'val_accuracy',
          saveBestOnly: true,
          includeOptimizer: true,
          verbose: 1,
          print: (line) => lines.push(line),
        }),
      ],
      { epochLogs },
    );
    expect(model.savedUrls).toEqual(['file://acc-1', 'file://acc-2']);
    expect(model.saveOptions[0]).toEqual({ includeOptimizer: true });
    expect(lines[2]).toBe('Epoch 3: val_accuracy did not improve from 0.60000');
  });

  it('honours an explicit mode and initialValueThreshold', async () => {
    model = createFakeTrainingModel();
    const callback = modelCheckpoint('file://m-{epoch}', {
      saveBestOnly: true,
      mode: 'max',
      initialValueThreshold: 0.92,
    });
    await runFakeFit(model, [callback], { epochLogs });
    expect(model.savedUrls).toEqual(['file://m-2']);
  });

  it('saves every saveFreq batches with {batch} available', async () => {
    model = createFakeTrainingModel();
    await runFakeFit(model, [modelCheckpoint('file://e{epoch}-b{batch}', { saveFreq: 2 })], {
      epochLogs: epochLogs.slice(0, 2),
      batchLosses: [
        [1, 1, 1],
        [1, 1, 1],
      ],
    });
    expect(model.savedUrls).toEqual(['file://e1-b2', 'file://e2-b1', 'file://e2-b3']);
  });

  it('skips with a warning when the monitored value is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    model = createFakeTrainingModel();
    await runFakeFit(model, [modelCheckpoint('file://x', { saveBestOnly: true, monitor: 'val_auc' })], { epochLogs });
    expect(model.savedUrls).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('rejects bad templates and options with clear errors', async () => {
    expect(() => modelCheckpoint('')).toThrow(InvalidArgumentError);
    expect(() => modelCheckpoint('file://x', { saveFreq: 0 })).toThrow(
      /saveFreq must be 'epoch' or a positive integer/,
    );
    model = createFakeTrainingModel();
    await expect(runFakeFit(model, [modelCheckpoint('file://{val_acc}')], { epochLogs })).rejects.toThrow(
      /names '\{val_acc\}', which is not in the logs; available: loss, val_loss, val_accuracy, epoch/,
    );
  });
});

describe('formatFilepath', () => {
  it('supports the Python format specs Keras paths use', () => {
    const values = { epoch: 7, loss: 0.000123456, accuracy: 0.5 };
    expect(formatFilepath('{epoch:03d}_{epoch:3d}_{epoch}', values)).toBe('007_  7_7');
    expect(formatFilepath('{loss:.2e}-{accuracy:.1f}-{accuracy}', values)).toBe('1.23e-04-0.5-0.5');
    expect(formatFilepath('file://plain/path', values)).toBe('file://plain/path');
    expect(() => formatFilepath('{loss:>10}', values)).toThrow(/unsupported format '\{loss:>10\}'/);
    expect(() => formatFilepath('{loss:02d}', values)).toThrow(/needs an integer/);
  });
});
