import { makeL1L2 } from './l1l2';
import type { Regularizer } from './regularizer';

/** `l1 · Σ|w|` (lasso), factor 0.01 unless given. */
export function l1(options: { l1?: number } = {}): Regularizer {
  return makeL1L2(options.l1 ?? 0.01, 0, 'l1');
}
