import type { LearningRateSchedule } from './optimizer';
import { assertBoolean, assertNonNegative, assertPositive } from './validate-config';

export interface ExponentialDecayOptions {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  /** Decay in whole intervals (`floor(step / decaySteps)`) rather than continuously. */
  staircase?: boolean;
}

/** `initialLearningRate · decayRate^(step / decaySteps)`, as Keras's `ExponentialDecay`. */
export function exponentialDecay(options: ExponentialDecayOptions): LearningRateSchedule {
  const owner = 'exponentialDecay';
  const initialLearningRate = assertNonNegative(owner, 'initialLearningRate', options?.initialLearningRate);
  const decaySteps = assertPositive(owner, 'decaySteps', options.decaySteps);
  const decayRate = assertNonNegative(owner, 'decayRate', options.decayRate);
  const staircase = assertBoolean(owner, 'staircase', options.staircase ?? false);
  return (step: number) => {
    const progress = step / decaySteps;
    return initialLearningRate * decayRate ** (staircase ? Math.floor(progress) : progress);
  };
}
