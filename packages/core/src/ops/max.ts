import type { Tensor } from '../tensor';
import { runReduce } from './internal/run-reduce';
import type { TensorLike } from './tensor-like';

/** Largest value over `axis` (all axes by default; negative axes count from the end). */
export function max(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return runReduce('max', x, axis, keepDims, 'max');
}
