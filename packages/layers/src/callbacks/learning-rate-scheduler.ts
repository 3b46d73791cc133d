import { InvalidArgumentError } from '@tessera/core';
import type { Callback, Logs, TrainingModel } from '../models/callback';
import { assertNumericLearningRate, currentLearningRate } from './numeric-learning-rate';

export interface LearningRateSchedulerOptions {
  verbose?: 0 | 1;
  print?: (line: string) => void;
}

/**
 * Sets the optimizer's learning rate at the start of every epoch to `schedule(epoch, currentRate)` (epoch is
 * 0-based), as Keras's `LearningRateScheduler` does; the epoch's logs get `learning_rate`.
 */
export function learningRateScheduler(
  schedule: (epoch: number, learningRate: number) => number,
  options: LearningRateSchedulerOptions = {},
): Callback {
  if (typeof schedule !== 'function') {
    throw new InvalidArgumentError(`learningRateScheduler: schedule must be a function (epoch, lr) => newLr`);
  }
  const print = options.print ?? console.log;
  let model: TrainingModel | undefined;
  const requireModel = (): TrainingModel => {
    if (model === undefined) throw new InvalidArgumentError('learningRateScheduler: setModel must be called first');
    return model;
  };
  return {
    setModel(trainingModel) {
      assertNumericLearningRate(trainingModel, 'learningRateScheduler');
      model = trainingModel;
    },
    onEpochBegin(epoch: number) {
      const trainingModel = requireModel();
      const learningRate = schedule(epoch, currentLearningRate(trainingModel));
      if (typeof learningRate !== 'number' || !Number.isFinite(learningRate)) {
        throw new InvalidArgumentError(
          `learningRateScheduler: the schedule must return a finite number, got ${String(learningRate)} for epoch ${epoch}`,
        );
      }
      trainingModel.optimizer.learningRate = learningRate;
      if (options.verbose === 1) {
        print(`Epoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${learningRate}.`);
      }
    },
    onEpochEnd(_epoch: number, logs: Logs) {
      logs.learning_rate = currentLearningRate(requireModel());
    },
  };
}
