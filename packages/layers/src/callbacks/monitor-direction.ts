import { InvalidArgumentError } from '@tessera/core';

/** How a callback decides whether a smaller or a larger monitored value is better. */
export type MonitorMode = 'auto' | 'min' | 'max';

// Metrics where a higher value is better; 'auto' maximizes any key that names one of them (Keras's rule).
const HIGHER_IS_BETTER = ['acc', 'auc', 'precision', 'recall'];

/** Resolves `mode` for `monitor`: 'auto' maximizes accuracy-like keys and minimizes everything else (losses). */
export function monitorDirection(monitor: string, mode: MonitorMode, callbackName: string): 'min' | 'max' {
  if (mode === 'min' || mode === 'max') return mode;
  if (mode !== 'auto') {
    throw new InvalidArgumentError(`${callbackName}: mode must be 'auto', 'min' or 'max', got ${String(mode)}`);
  }
  return HIGHER_IS_BETTER.some((fragment) => monitor.includes(fragment)) ? 'max' : 'min';
}

/** The value every first reading beats: +Infinity when minimizing, -Infinity when maximizing. */
export function worstValue(direction: 'min' | 'max'): number {
  return direction === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** True when `current` beats `reference` by more than `minDelta` (a non-negative margin) in `direction`. */
export function isImprovement(current: number, reference: number, minDelta: number, direction: 'min' | 'max'): boolean {
  return direction === 'min' ? current < reference - minDelta : current > reference + minDelta;
}

/** Checks a numeric option, so a typo fails at construction rather than silently mid-training. */
export function assertNonNegative(value: number, optionName: string, callbackName: string): void {
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new InvalidArgumentError(`${callbackName}: ${optionName} must be a number >= 0, got ${String(value)}`);
  }
}
