import type { Tensor } from '../tensor';
import { runArgReduce } from './internal/run-arg-reduce';
import type { TensorLike } from './tensor-like';

/** Index (int32) of the smallest value along `axis`; the first one where several are equal. */
export function argMin(x: Tensor | TensorLike, axis = 0): Tensor {
  return runArgReduce('argMin', x, axis, 'argMin');
}
