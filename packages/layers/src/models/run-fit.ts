import { InvalidArgumentError, type Tensor, tidy } from '@tessera/core';
import { createShuffler, gatherRows, sliceRows } from './batching';
import type { Callback, Logs } from './callback';
import { progressLogger } from './progress-logger';
import { assertBatchSize, type Sequential } from './sequential';

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** Reshuffle the training examples every epoch (default true). */
  shuffle?: boolean;
  /** Makes the shuffling order reproducible. */
  seed?: number;
  /** The fraction of examples, taken from the end before shuffling as Keras does, held out for validation. */
  validationSplit?: number;
  /** 0: silent; 1 (default): one progress line per epoch. */
  verbose?: 0 | 1;
  callbacks?: readonly Callback[];
}

/** Per-epoch logs: `history.loss[epoch]`, `history.accuracy[epoch]`, `history.val_loss[epoch]`... */
export interface History {
  epoch: number[];
  history: Record<string, number[]>;
}

function validateFitOptions(options: FitOptions): void {
  const epochs = options.epochs ?? 1;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new InvalidArgumentError(`fit: epochs must be a positive integer, got ${String(options.epochs)}`);
  }
  assertBatchSize(options.batchSize ?? 32, 'fit');
  const split = options.validationSplit ?? 0;
  if (typeof split !== 'number' || !(split >= 0 && split < 1)) {
    throw new InvalidArgumentError(`fit: validationSplit must be a number in [0, 1), got ${String(split)}`);
  }
}

/** The training loop behind `Sequential.fit`: every batch runs in its own scope, so memory stays flat. */
export async function runFit(model: Sequential, x: Tensor, y: Tensor, options: FitOptions): Promise<History> {
  validateFitOptions(options);
  const epochs = options.epochs ?? 1;
  const batchSize = options.batchSize ?? 32;
  const total = x.shape[0];
  const validationCount = Math.floor(total * (options.validationSplit ?? 0));
  const trainCount = total - validationCount;
  if (trainCount < 1) throw new InvalidArgumentError(`fit: no training examples left after validationSplit`);
  const trainX = validationCount > 0 ? sliceRows(x, 0, trainCount) : x;
  const trainY = validationCount > 0 ? sliceRows(y, 0, trainCount) : y;
  const validationX = validationCount > 0 ? sliceRows(x, trainCount, validationCount) : undefined;
  const validationY = validationCount > 0 ? sliceRows(y, trainCount, validationCount) : undefined;
  const callbacks = [...(options.callbacks ?? [])];
  if ((options.verbose ?? 1) !== 0) callbacks.push(progressLogger(epochs));
  const shuffle = createShuffler(options.seed);
  const history: History = { epoch: [], history: {} };
  model.stopTraining = false;
  try {
    for (const callback of callbacks) await callback.onTrainBegin?.();
    let lastLogs: Logs = {};
    for (let epoch = 0; epoch < epochs && !model.stopTraining; epoch++) {
      for (const callback of callbacks) await callback.onEpochBegin?.(epoch);
      const order = options.shuffle === false ? undefined : shuffle(trainCount);
      const totals: Logs = {};
      for (let start = 0, batch = 0; start < trainCount; start += batchSize, batch++) {
        const size = Math.min(batchSize, trainCount - start);
        const [batchX, batchY] = tidy(() =>
          order === undefined
            ? [sliceRows(trainX, start, size), sliceRows(trainY, start, size)]
            : [
                gatherRows(trainX, order.slice(start, start + size)),
                gatherRows(trainY, order.slice(start, start + size)),
              ],
        );
        let batchLogs: Logs;
        try {
          batchLogs = await model.trainOnBatch(batchX, batchY);
        } finally {
          batchX.dispose();
          batchY.dispose();
        }
        for (const [key, value] of Object.entries(batchLogs)) totals[key] = (totals[key] ?? 0) + value * size;
        for (const callback of callbacks) await callback.onBatchEnd?.(batch, batchLogs);
      }
      const logs: Logs = {};
      for (const [key, value] of Object.entries(totals)) logs[key] = value / trainCount;
      if (validationX !== undefined && validationY !== undefined) {
        const validation = model.evaluateSync(validationX, validationY, batchSize, 'fit (validation)');
        for (const [key, value] of Object.entries(validation)) logs[`val_${key}`] = value;
      }
      history.epoch.push(epoch);
      for (const [key, value] of Object.entries(logs)) {
        history.history[key] = [...(history.history[key] ?? []), value];
      }
      lastLogs = logs;
      for (const callback of callbacks) await callback.onEpochEnd?.(epoch, logs);
    }
    for (const callback of callbacks) await callback.onTrainEnd?.(lastLogs);
  } finally {
    for (const part of [trainX, trainY, validationX, validationY]) {
      if (part !== undefined && part !== x && part !== y) part.dispose();
    }
  }
  return history;
}
