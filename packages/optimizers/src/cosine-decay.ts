import type { LearningRateSchedule } from './optimizer';
import { assertNonNegative, assertPositive, assertUnitInterval } from './validate-config';

export interface CosineDecayOptions {
  initialLearningRate: number;
  decaySteps: number;
  /** Floor of the schedule as a fraction of `initialLearningRate`. */
  alpha?: number;
}

/**
 * Cosine annealing without restarts (Loshchilov & Hutter), as Keras's `CosineDecay`:
 * `lr0 · ((1 - α) · ½(1 + cos(π · min(step, decaySteps) / decaySteps)) + α)`.
 */
export function cosineDecay(options: CosineDecayOptions): LearningRateSchedule {
  const owner = 'cosineDecay';
  const initialLearningRate = assertNonNegative(owner, 'initialLearningRate', options?.initialLearningRate);
  const decaySteps = assertPositive(owner, 'decaySteps', options.decaySteps);
  const alpha = assertUnitInterval(owner, 'alpha', options.alpha ?? 0, true);
  return (step: number) => {
    const progress = Math.min(step, decaySteps) / decaySteps;
    const cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
    return initialLearningRate * ((1 - alpha) * cosine + alpha);
  };
}
