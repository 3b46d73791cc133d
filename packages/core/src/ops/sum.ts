import type { Tensor } from '../tensor';
import { runReduce } from './internal/run-reduce';
import type { TensorLike } from './tensor-like';

/** Sum over `axis` (all axes by default; negative axes count from the end). bool sums as int32. */
export function sum(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return runReduce('sum', x, axis, keepDims, 'sum');
}
