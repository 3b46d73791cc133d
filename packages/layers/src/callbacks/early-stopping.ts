import { InvalidArgumentError, type Tensor } from '@tessera/core';
import type { Callback, Logs, TrainingModel } from '../models/callback';
import { assertNonNegative, isImprovement, type MonitorMode, monitorDirection } from './monitor-direction';
import { disposeWeights, snapshotWeights } from './snapshot-weights';

export interface EarlyStoppingOptions {
  /** The log key to watch (default 'val_loss'). */
  monitor?: string;
  /** A change smaller than this (in absolute value) does not count as an improvement. */
  minDelta?: number;
  /** Epochs without improvement after which training stops (default 0). */
  patience?: number;
  mode?: MonitorMode;
  /** Training also stops unless the monitored value beats this within `patience` epochs. */
  baseline?: number;
  /** Put back the weights of the best epoch when training ends. */
  restoreBestWeights?: boolean;
  /** Epochs to train before watching starts (warm-up). */
  startFromEpoch?: number;
  /** 1 prints when it stops and when it restores weights. */
  verbose?: 0 | 1;
  print?: (line: string) => void;
}

export interface EarlyStoppingCallback extends Callback {
  /** The 0-based epoch at which training was stopped; 0 when it was not stopped. */
  readonly stoppedEpoch: number;
  /** The 0-based epoch with the best monitored value so far. */
  readonly bestEpoch: number;
  /** The best monitored value so far; undefined before the first reading. */
  readonly best: number | undefined;
}

/** Stops training when `monitor` has stopped improving, as Keras's `EarlyStopping` does. */
export function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStoppingCallback {
  const monitor = options.monitor ?? 'val_loss';
  const minDelta = Math.abs(options.minDelta ?? 0);
  const patience = options.patience ?? 0;
  const startFromEpoch = options.startFromEpoch ?? 0;
  const print = options.print ?? console.log;
  const direction = monitorDirection(monitor, options.mode ?? 'auto', 'earlyStopping');
  assertNonNegative(patience, 'patience', 'earlyStopping');
  assertNonNegative(startFromEpoch, 'startFromEpoch', 'earlyStopping');
  if (options.baseline !== undefined && typeof options.baseline !== 'number') {
    throw new InvalidArgumentError(`earlyStopping: baseline must be a number, got ${String(options.baseline)}`);
  }
  let model: TrainingModel | undefined;
  let wait = 0;
  let stoppedEpoch = 0;
  let best: number | undefined;
  let bestEpoch = 0;
  let bestWeights: Tensor[] | undefined;
  let warnedMissing = false;

  const rememberBestWeights = (trainingModel: TrainingModel) => {
    disposeWeights(bestWeights);
    bestWeights = snapshotWeights(trainingModel);
  };

  return {
    get stoppedEpoch() {
      return stoppedEpoch;
    },
    get bestEpoch() {
      return bestEpoch;
    },
    get best() {
      return best;
    },
    setModel(trainingModel) {
      model = trainingModel;
    },
    onTrainBegin() {
      wait = 0;
      stoppedEpoch = 0;
      best = undefined;
      bestEpoch = 0;
      disposeWeights(bestWeights);
      bestWeights = undefined;
    },
    onEpochEnd(epoch: number, logs: Logs) {
      if (model === undefined) throw new InvalidArgumentError('earlyStopping: setModel must be called before training');
      const current = logs[monitor];
      if (current === undefined) {
        if (!warnedMissing) {
          warnedMissing = true;
          console.warn(
            `earlyStopping: monitored key '${monitor}' is not in the logs; available keys: ${Object.keys(logs).join(', ')}`,
          );
        }
        return;
      }
      if (epoch < startFromEpoch) return;
      wait += 1;
      if (best === undefined || isImprovement(current, best, minDelta, direction)) {
        best = current;
        bestEpoch = epoch;
        if (options.restoreBestWeights) rememberBestWeights(model);
        // The wait restarts only when the value beats both the previous best and the baseline.
        if (options.baseline === undefined || isImprovement(current, options.baseline, minDelta, direction)) wait = 0;
        return;
      }
      // Keras never stops after the very first epoch, even with patience 0.
      if (wait >= patience && epoch > 0) {
        stoppedEpoch = epoch;
        model.stopTraining = true;
      }
    },
    onTrainEnd() {
      if (stoppedEpoch > 0 && options.verbose === 1) print(`Epoch ${stoppedEpoch + 1}: early stopping`);
      // Like current Keras: the best weights come back whether or not training was stopped early.
      if (bestWeights !== undefined && model !== undefined) {
        if (options.verbose === 1) print(`Restoring model weights from the end of the best epoch: ${bestEpoch + 1}.`);
        model.setWeights(bestWeights);
      }
      disposeWeights(bestWeights);
      bestWeights = undefined;
    },
  };
}
