import { InvalidArgumentError } from '@tessera/core';
import type { TrainingModel } from '../models/callback';

/** Checks at setModel time that the optimizer's learning rate is a plain number a callback may overwrite. */
export function assertNumericLearningRate(model: TrainingModel, callbackName: string): void {
  const learningRate = model.optimizer.learningRate;
  if (typeof learningRate === 'function') {
    throw new InvalidArgumentError(
      `${callbackName}: the optimizer's learningRate is a schedule function; this callback sets the rate itself, so give the optimizer a numeric learningRate (or use the schedule alone)`,
    );
  }
  if (typeof learningRate !== 'number') {
    throw new InvalidArgumentError(
      `${callbackName}: the optimizer has no numeric learningRate property to change (got ${String(learningRate)})`,
    );
  }
}

/** The current numeric learning rate (assertNumericLearningRate has checked the optimizer). */
export function currentLearningRate(model: TrainingModel): number {
  return model.optimizer.learningRate as number;
}
