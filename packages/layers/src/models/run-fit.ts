import { InvalidArgumentError, type Tensor } from '@tessera/core';
import { progressBar } from '../callbacks/progress-bar';
import { type BatchSource, datasetBatchSource, isAsyncIterable, tensorBatchSource } from './batch-source';
import { createShuffler, sliceRows } from './batching';
import type { Callback, Logs, TrainingModel, TrainingParams } from './callback';
import { type ClassWeight, classGroupsFor, denseClassWeights } from './class-weights';
import type { CompiledModel } from './compile-model';
import { evaluateSource, metricResults, resetMetrics } from './evaluate-source';
import { type TensorOrList, toTensorList } from './tensor-list';
import { type StepModel, trainStep } from './train-step';
import { trainStepCompilerOf } from './train-step-compiler';

export interface FitOptions {
  epochs?: number;
  /** Examples per batch for tensor inputs (default 32); datasets come batched. */
  batchSize?: number;
  /** Reshuffle the training examples every epoch (default true; tensor inputs only). */
  shuffle?: boolean;
  /** Makes the shuffling order reproducible. */
  seed?: number;
  /** The fraction of examples, taken from the end before shuffling as Keras does, held out for validation. */
  validationSplit?: number;
  /** Validation data, used instead of validationSplit: `[x, y]` tensors or a dataset of batches. */
  validationData?: readonly [TensorOrList, TensorOrList] | AsyncIterable<unknown>;
  validationBatchSize?: number;
  /** 0 silent; 1 (default) progress bar, live on a terminal; 2 one line per epoch. */
  verbose?: 0 | 1 | 2;
  callbacks?: readonly Callback[];
  /** The epoch to start at (resuming a run): epochs counts up to `epochs`, not `epochs` more. */
  initialEpoch?: number;
  /** Weighs each example's loss by the weight of its class (single-output models). */
  classWeight?: ClassWeight;
  /** With a dataset: batches per epoch (the dataset is read on across epochs). */
  stepsPerEpoch?: number;
}

/** Per-epoch logs: `history.history.loss[i]`, `history.history.val_loss[i]`... for `history.epoch[i]`. */
export interface History {
  epoch: number[];
  history: Record<string, number[]>;
}

export interface FitModel extends StepModel, TrainingModel {
  readonly outputCount: number;
}

function positiveInteger(value: unknown, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1)) {
    throw new InvalidArgumentError(`fit: ${name} must be a positive integer, got ${String(value)}`);
  }
}

function validateFitOptions(options: FitOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`fit: options must be an object, got ${String(options)}`);
  }
  positiveInteger(options.epochs, 'epochs');
  positiveInteger(options.batchSize, 'batchSize');
  positiveInteger(options.validationBatchSize, 'validationBatchSize');
  positiveInteger(options.stepsPerEpoch, 'stepsPerEpoch');
  const split = options.validationSplit ?? 0;
  if (typeof split !== 'number' || !(split >= 0 && split < 1)) {
    throw new InvalidArgumentError(`fit: validationSplit must be a number in [0, 1), got ${String(split)}`);
  }
  const initialEpoch = options.initialEpoch ?? 0;
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0 || initialEpoch >= (options.epochs ?? 1)) {
    throw new InvalidArgumentError(
      `fit: initialEpoch must be an integer in [0, epochs), got ${String(options.initialEpoch)} with epochs ${options.epochs ?? 1}`,
    );
  }
  if (![0, 1, 2, undefined].includes(options.verbose)) {
    throw new InvalidArgumentError(`fit: verbose must be 0, 1 or 2, got ${String(options.verbose)}`);
  }
}

/** Training and validation sources for `fit`, with the tensors this call made (to free at the end). */
function prepareSources(
  x: unknown,
  y: TensorOrList | undefined,
  options: FitOptions,
): { train: BatchSource; validation: BatchSource | undefined; owned: Tensor[] } {
  const batchSize = options.batchSize ?? 32;
  const validationBatchSize = options.validationBatchSize ?? batchSize;
  const owned: Tensor[] = [];
  let validation: BatchSource | undefined;
  const data = options.validationData;
  if (data !== undefined) {
    if (isAsyncIterable(data)) validation = datasetBatchSource(data, undefined, 'fit (validationData)');
    else if (Array.isArray(data) && data.length === 2) {
      const validationInputs = toTensorList(data[0], 'validationData x', 'fit');
      const validationTargets = toTensorList(data[1], 'validationData y', 'fit');
      validation = tensorBatchSource(validationInputs, validationTargets, validationBatchSize, undefined);
    } else {
      throw new InvalidArgumentError('fit: validationData must be [x, y] or a dataset');
    }
  }
  if (isAsyncIterable(x)) {
    if (options.validationSplit) throw new InvalidArgumentError('fit: validationSplit needs tensors, not a dataset');
    return { train: datasetBatchSource(x, options.stepsPerEpoch, 'fit'), validation, owned };
  }
  if (y === undefined) throw new InvalidArgumentError('fit: expected fit(x, y, options) or fit(dataset, options)');
  let inputs = toTensorList(x as TensorOrList, 'x', 'fit');
  let targets = toTensorList(y, 'y', 'fit');
  const total = inputs[0].shape[0];
  const validationCount = data === undefined ? Math.floor(total * (options.validationSplit ?? 0)) : 0;
  if (validationCount > 0) {
    const trainCount = total - validationCount;
    if (trainCount < 1) throw new InvalidArgumentError('fit: no training examples left after validationSplit');
    const split = (list: Tensor[], start: number, size: number) => list.map((tensor) => sliceRows(tensor, start, size));
    const validationInputs = split(inputs, trainCount, validationCount);
    const validationTargets = split(targets, trainCount, validationCount);
    inputs = split(inputs, 0, trainCount);
    targets = split(targets, 0, trainCount);
    owned.push(...inputs, ...targets, ...validationInputs, ...validationTargets);
    validation = tensorBatchSource(validationInputs, validationTargets, validationBatchSize, undefined);
  }
  const shuffle = options.shuffle === false ? undefined : createShuffler(options.seed);
  return { train: tensorBatchSource(inputs, targets, batchSize, shuffle), validation, owned };
}

/** The training loop behind `fit`: every batch runs in its own scope, so memory stays flat across epochs. */
export async function runFit(
  model: FitModel,
  compiled: CompiledModel,
  x: unknown,
  y: TensorOrList | undefined,
  options: FitOptions,
): Promise<History> {
  validateFitOptions(options);
  const epochs = options.epochs ?? 1;
  const classWeights = options.classWeight === undefined ? undefined : denseClassWeights(options.classWeight, 'fit');
  if (classWeights !== undefined && model.outputCount !== 1) {
    throw new InvalidArgumentError(
      `fit: classWeight is supported for single-output models, ${model.name} has ${model.outputCount}`,
    );
  }
  const { train, validation, owned } = prepareSources(x, y, options);
  const verbose = options.verbose ?? 1;
  const callbacks = [...(options.callbacks ?? [])];
  // Last, so it prints keys other callbacks add to the epoch logs (learning_rate), as Keras does.
  if (verbose !== 0) callbacks.push(progressBar());
  const metricKeys = ['loss', ...compiled.metrics.flatMap((list) => list.map(({ key }) => key))];
  const params: TrainingParams = {
    epochs,
    initialEpoch: options.initialEpoch ?? 0,
    stepsPerEpoch: train.stepsPerEpoch,
    samples: train.samples,
    batchSize: isAsyncIterable(x) ? undefined : (options.batchSize ?? 32),
    verbose,
    metrics: validation === undefined ? metricKeys : [...metricKeys, ...metricKeys.map((key) => `val_${key}`)],
  };
  const history: History = { epoch: [], history: {} };
  model.stopTraining = false;
  const compiler = trainStepCompilerOf(model, compiled);
  try {
    for (const callback of callbacks) callback.setModel?.(model, params);
    for (const callback of callbacks) await callback.onTrainBegin?.({});
    let lastLogs: Logs = {};
    for (let epoch = params.initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
      for (const callback of callbacks) await callback.onEpochBegin?.(epoch, {});
      resetMetrics(compiled);
      let lossSum = 0;
      let examples = 0;
      let batchIndex = 0;
      for await (const batch of train.epochBatches(epoch)) {
        let loss: number;
        try {
          for (const callback of callbacks) await callback.onBatchBegin?.(batchIndex, { size: batch.size });
          const classGroups =
            classWeights === undefined ? undefined : await classGroupsFor(batch.targets[0], classWeights, 'fit');
          try {
            loss = await trainStep(model, compiled, batch.inputs, batch.targets, classGroups, compiler);
          } finally {
            for (const group of classGroups ?? []) group.rows.dispose();
          }
        } finally {
          batch.dispose();
        }
        lossSum += loss * batch.size;
        examples += batch.size;
        const batchLogs: Logs = {
          batch: batchIndex,
          size: batch.size,
          loss: lossSum / examples,
          ...metricResults(compiled),
        };
        for (const callback of callbacks) await callback.onBatchEnd?.(batchIndex, batchLogs);
        batchIndex++;
        if (model.stopTraining) break;
      }
      const logs: Logs = { loss: lossSum / Math.max(examples, 1), ...metricResults(compiled) };
      if (validation !== undefined) {
        const validationLogs = await evaluateSource(model, compiled, validation);
        for (const [key, value] of Object.entries(validationLogs)) logs[`val_${key}`] = value;
      }
      for (const callback of callbacks) await callback.onEpochEnd?.(epoch, logs);
      history.epoch.push(epoch);
      for (const [key, value] of Object.entries(logs)) history.history[key] = [...(history.history[key] ?? []), value];
      lastLogs = logs;
    }
    for (const callback of callbacks) await callback.onTrainEnd?.(lastLogs);
  } finally {
    for (const tensor of owned) tensor.dispose();
  }
  return history;
}
