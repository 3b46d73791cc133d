import type { Tensor } from '../tensor';
import { runReduce } from './internal/run-reduce';
import type { TensorLike } from './tensor-like';

/** Logical OR over `axis` (all axes by default) of a bool tensor; false over an empty axis. */
export function any(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return runReduce('any', x, axis, keepDims, 'any');
}
