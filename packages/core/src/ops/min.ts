import type { Tensor } from '../tensor';
import { runReduce } from './internal/run-reduce';
import type { TensorLike } from './tensor-like';

/** Smallest value over `axis` (all axes by default; negative axes count from the end). */
export function min(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return runReduce('min', x, axis, keepDims, 'min');
}
