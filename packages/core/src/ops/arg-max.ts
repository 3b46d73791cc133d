import type { Tensor } from '../tensor';
import { runArgReduce } from './internal/run-arg-reduce';
import type { TensorLike } from './tensor-like';

/** Index (int32) of the largest value along `axis`; the first one where several are equal. */
export function argMax(x: Tensor | TensorLike, axis = 0): Tensor {
  return runArgReduce('argMax', x, axis, 'argMax');
}
