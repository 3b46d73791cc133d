import { InvalidArgumentError } from '@tessera/core';
import type { Callback, Logs, TrainingModel } from '../models/callback';
import { assertNonNegative, isImprovement, type MonitorMode, monitorDirection, worstValue } from './monitor-direction';
import { assertNumericLearningRate, currentLearningRate } from './numeric-learning-rate';

export interface ReduceLROnPlateauOptions {
  monitor?: string;
  /** The learning rate is multiplied by this (< 1) on a plateau (default 0.1). */
  factor?: number;
  /** Epochs without improvement before the rate is reduced (default 10). */
  patience?: number;
  mode?: MonitorMode;
  /** The smallest change that counts as an improvement (default 1e-4). */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** The rate never goes below this (default 0). */
  minLr?: number;
  verbose?: 0 | 1;
  print?: (line: string) => void;
}

/**
 * Lowers the optimizer's learning rate when `monitor` stops improving, as Keras's `ReduceLROnPlateau` does. Adds
 * `learning_rate` (the rate the epoch trained with) to every epoch's logs.
 */
export function reduceLROnPlateau(options: ReduceLROnPlateauOptions = {}): Callback {
  const monitor = options.monitor ?? 'val_loss';
  const factor = options.factor ?? 0.1;
  const patience = options.patience ?? 10;
  const minDelta = options.minDelta ?? 1e-4;
  const cooldown = options.cooldown ?? 0;
  const minLr = options.minLr ?? 0;
  const print = options.print ?? console.log;
  if (typeof factor !== 'number' || !(factor >= 0 && factor < 1)) {
    throw new InvalidArgumentError(`reduceLROnPlateau: factor must be a number in [0, 1), got ${String(factor)}`);
  }
  assertNonNegative(patience, 'patience', 'reduceLROnPlateau');
  assertNonNegative(minDelta, 'minDelta', 'reduceLROnPlateau');
  assertNonNegative(cooldown, 'cooldown', 'reduceLROnPlateau');
  assertNonNegative(minLr, 'minLr', 'reduceLROnPlateau');
  const direction = monitorDirection(monitor, options.mode ?? 'auto', 'reduceLROnPlateau');
  let model: TrainingModel | undefined;
  let best = worstValue(direction);
  let wait = 0;
  let cooldownCounter = 0;
  let warnedMissing = false;

  return {
    setModel(trainingModel) {
      assertNumericLearningRate(trainingModel, 'reduceLROnPlateau');
      model = trainingModel;
    },
    onTrainBegin() {
      best = worstValue(direction);
      wait = 0;
      cooldownCounter = 0;
    },
    onEpochEnd(epoch: number, logs: Logs) {
      if (model === undefined) throw new InvalidArgumentError('reduceLROnPlateau: setModel must be called first');
      logs.learning_rate = currentLearningRate(model);
      const current = logs[monitor];
      if (current === undefined) {
        if (!warnedMissing) {
          warnedMissing = true;
          console.warn(
            `reduceLROnPlateau: monitored key '${monitor}' is not in the logs; available keys: ${Object.keys(logs).join(', ')}`,
          );
        }
        return;
      }
      if (cooldownCounter > 0) {
        cooldownCounter -= 1;
        wait = 0;
      }
      if (isImprovement(current, best, minDelta, direction)) {
        best = current;
        wait = 0;
        return;
      }
      if (cooldownCounter > 0) return;
      wait += 1;
      if (wait < patience) return;
      const oldRate = currentLearningRate(model);
      // Compared in float32 like Keras, so a rate stored as float32 that equals minLr counts as reached.
      if (oldRate > Math.fround(minLr)) {
        const newRate = Math.max(oldRate * factor, minLr);
        model.optimizer.learningRate = newRate;
        if (options.verbose === 1) print(`Epoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${newRate}.`);
        cooldownCounter = cooldown;
        wait = 0;
      }
    },
  };
}
