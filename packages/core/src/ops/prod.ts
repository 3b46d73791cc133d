import type { Tensor } from '../tensor';
import { runReduce } from './internal/run-reduce';
import type { TensorLike } from './tensor-like';

/** Product over `axis` (all axes by default; negative axes count from the end). */
export function prod(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return runReduce('prod', x, axis, keepDims, 'prod');
}
