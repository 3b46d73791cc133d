import type { LearningRateSchedule } from './optimizer';
import { assertNonNegative, assertPositive } from './validate-config';

export interface LinearWarmupOptions {
  warmupSteps: number;
  /** Rate at step 0; the ramp ends at the wrapped schedule's rate at its own step 0. */
  initialLearningRate?: number;
}

/**
 * Ramps linearly from `initialLearningRate` (default 0) to `target(0)` over `warmupSteps`, then follows
 * `target(step - warmupSteps)`: the wrapped schedule starts where the warm-up ends, as Keras's warm-up does.
 */
export function linearWarmup(
  target: LearningRateSchedule | number,
  options: LinearWarmupOptions,
): LearningRateSchedule {
  const owner = 'linearWarmup';
  const schedule: LearningRateSchedule =
    typeof target === 'function' ? target : constantRate(assertNonNegative(owner, 'target', target));
  const warmupSteps = assertPositive(owner, 'warmupSteps', options?.warmupSteps);
  const initialLearningRate = assertNonNegative(owner, 'initialLearningRate', options.initialLearningRate ?? 0);
  return (step: number) => {
    if (step >= warmupSteps) return schedule(step - warmupSteps);
    const peak = schedule(0);
    return initialLearningRate + ((peak - initialLearningRate) * step) / warmupSteps;
  };
}

function constantRate(rate: number): LearningRateSchedule {
  return () => rate;
}
