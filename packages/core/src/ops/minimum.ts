import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise smaller value (NaN propagates) with NumPy broadcasting. */
export function minimum(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('minimum', a, b, 'minimum');
}
