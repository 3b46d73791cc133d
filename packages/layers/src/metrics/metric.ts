import type { Tensor } from '@tessera/core';

/**
 * A metric that accumulates over an epoch (or an `evaluate` call) and reports one number: needed where a mean of
 * per-batch values would be wrong (precision, recall, AUC). `fit` calls `reset` at the start of each epoch,
 * `update` after each batch's forward pass, and `result` for the logs. Plain metric functions are wrapped into
 * an example-weighted mean.
 */
export interface Metric {
  /** The key in logs and History (`precision`, `val_precision`). */
  readonly name: string;
  reset(): void;
  /**
   * Adds one batch and keeps no tensors. May be async: backends such as WebGPU only read values back
   * asynchronously, so metrics that need numbers on the host await `tensor.data()`.
   */
  update(yTrue: Tensor, yPred: Tensor): void | Promise<void>;
  result(): number;
}

export function isMetric(value: unknown): value is Metric {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Metric).update === 'function' &&
    typeof (value as Metric).result === 'function' &&
    typeof (value as Metric).reset === 'function'
  );
}
