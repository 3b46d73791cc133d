import { InvalidArgumentError } from '@tessera/core';
import type { Callback, Logs, TrainingModel } from '../models/callback';
import { formatFilepath } from './format-filepath';
import { isImprovement, type MonitorMode, monitorDirection, worstValue } from './monitor-direction';

export interface ModelCheckpointOptions {
  monitor?: string;
  /** Save only when `monitor` improves on the best value so far. */
  saveBestOnly?: boolean;
  mode?: MonitorMode;
  /** 'epoch' (default) saves at each epoch end; a number saves every that many batches. */
  saveFreq?: 'epoch' | number;
  /** Forwarded to `model.save` so training can resume exactly. */
  includeOptimizer?: boolean;
  /** With saveBestOnly: the value the first save must beat. */
  initialValueThreshold?: number;
  verbose?: 0 | 1;
  print?: (line: string) => void;
}

/**
 * Saves the model during training, as Keras's `ModelCheckpoint` does. The path is a template filled from the
 * logs: `{epoch}` is 1-based, `{batch}` too (with a numeric saveFreq), `{val_loss:.4f}` fixes the decimals.
 */
export function modelCheckpoint(filepathTemplate: string, options: ModelCheckpointOptions = {}): Callback {
  if (typeof filepathTemplate !== 'string' || filepathTemplate === '') {
    throw new InvalidArgumentError(
      `modelCheckpoint: filepath must be a non-empty string, got ${String(filepathTemplate)}`,
    );
  }
  const monitor = options.monitor ?? 'val_loss';
  const saveFreq = options.saveFreq ?? 'epoch';
  if (saveFreq !== 'epoch' && !(Number.isInteger(saveFreq) && saveFreq > 0)) {
    throw new InvalidArgumentError(
      `modelCheckpoint: saveFreq must be 'epoch' or a positive integer number of batches, got ${String(saveFreq)}`,
    );
  }
  const direction = monitorDirection(monitor, options.mode ?? 'auto', 'modelCheckpoint');
  const print = options.print ?? console.log;
  let model: TrainingModel | undefined;
  let best = options.initialValueThreshold ?? worstValue(direction);
  let currentEpoch = 0;
  let batchesSinceSave = 0;

  const save = async (epoch: number, batch: number | undefined, logs: Logs): Promise<void> => {
    if (model === undefined) throw new InvalidArgumentError('modelCheckpoint: setModel must be called first');
    const values: Record<string, number> = { ...logs, epoch: epoch + 1 };
    if (batch !== undefined) values.batch = batch + 1;
    const url = formatFilepath(filepathTemplate, values);
    if (options.saveBestOnly) {
      const current = logs[monitor];
      if (current === undefined) {
        console.warn(`modelCheckpoint: can save the best model only with '${monitor}' in the logs; skipping`);
        return;
      }
      if (!isImprovement(current, best, 0, direction)) {
        if (options.verbose === 1) print(`Epoch ${epoch + 1}: ${monitor} did not improve from ${best.toFixed(5)}`);
        return;
      }
      if (options.verbose === 1) {
        print(
          `Epoch ${epoch + 1}: ${monitor} improved from ${best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${url}`,
        );
      }
      best = current;
    } else if (options.verbose === 1) {
      print(`Epoch ${epoch + 1}: saving model to ${url}`);
    }
    await model.save(url, { includeOptimizer: options.includeOptimizer ?? false });
  };

  return {
    setModel(trainingModel) {
      model = trainingModel;
    },
    onTrainBegin() {
      best = options.initialValueThreshold ?? worstValue(direction);
      batchesSinceSave = 0;
    },
    onEpochBegin(epoch: number) {
      currentEpoch = epoch;
    },
    async onBatchEnd(batch: number, logs: Logs) {
      if (saveFreq === 'epoch') return;
      batchesSinceSave += 1;
      if (batchesSinceSave < saveFreq) return;
      batchesSinceSave = 0;
      await save(currentEpoch, batch, logs);
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      if (saveFreq === 'epoch') await save(epoch, undefined, logs);
    },
  };
}
