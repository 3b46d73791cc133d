import type { Callback, Logs, TrainingParams } from '../models/callback';
import type { FakeTrainingModel } from './fake-training-model';

export interface FakeFitOptions {
  /** One entry per epoch: the logs `onEpochEnd` receives (training stops early when a callback says so). */
  epochLogs: Logs[];
  /** Batch losses per epoch, reported as running means the way the real loop does; default one batch of loss 1. */
  batchLosses?: number[][];
  params?: Partial<TrainingParams>;
  /** Called after an epoch's batches, before its `onEpochEnd`: stands in for what training did to the weights. */
  trainEpoch?: (epoch: number) => void;
}

/**
 * Drives callbacks in the order `fit` does (test support, not exported): setModel, onTrainBegin, then per epoch
 * onEpochBegin → onBatchBegin/onBatchEnd → onEpochEnd, stopping when `model.stopTraining` is set; onTrainEnd.
 * Returns the epoch logs as callbacks left them (they may add keys such as `learning_rate`).
 */
export async function runFakeFit(
  model: FakeTrainingModel,
  callbacks: readonly Callback[],
  options: FakeFitOptions,
): Promise<Logs[]> {
  const epochs = options.params?.epochs ?? options.epochLogs.length;
  const params: TrainingParams = {
    epochs,
    initialEpoch: 0,
    stepsPerEpoch: options.batchLosses?.[0]?.length ?? 1,
    samples: undefined,
    batchSize: undefined,
    verbose: 1,
    metrics: Object.keys(options.epochLogs[0] ?? {}),
    ...options.params,
  };
  model.stopTraining = false;
  for (const callback of callbacks) callback.setModel?.(model, params);
  for (const callback of callbacks) await callback.onTrainBegin?.({});
  const recorded: Logs[] = [];
  let lastLogs: Logs = {};
  for (let epoch = params.initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
    for (const callback of callbacks) await callback.onEpochBegin?.(epoch, {});
    const losses = options.batchLosses?.[epoch] ?? [1];
    let total = 0;
    for (let batch = 0; batch < losses.length && !model.stopTraining; batch++) {
      for (const callback of callbacks) await callback.onBatchBegin?.(batch, {});
      total += losses[batch];
      const batchLogs: Logs = { loss: total / (batch + 1) };
      for (const callback of callbacks) await callback.onBatchEnd?.(batch, batchLogs);
    }
    options.trainEpoch?.(epoch);
    const logs: Logs = { ...(options.epochLogs[epoch] ?? {}) };
    for (const callback of callbacks) await callback.onEpochEnd?.(epoch, logs);
    recorded.push(logs);
    lastLogs = logs;
  }
  for (const callback of callbacks) await callback.onTrainEnd?.(lastLogs);
  return recorded;
}
