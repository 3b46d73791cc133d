import type { Tensor } from '../tensor';
import { runReduce } from './internal/run-reduce';
import type { TensorLike } from './tensor-like';

/** Logical AND over `axis` (all axes by default) of a bool tensor; true over an empty axis. */
export function all(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return runReduce('all', x, axis, keepDims, 'all');
}
