import { makeL1L2 } from './l1l2';
import type { Regularizer } from './regularizer';

/** `l2 · Σw²` (weight decay as a loss term), factor 0.01 unless given. */
export function l2(options: { l2?: number } = {}): Regularizer {
  return makeL1L2(0, options.l2 ?? 0.01, 'l2');
}
