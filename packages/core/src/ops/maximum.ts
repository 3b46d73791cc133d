import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise larger value (NaN propagates) with NumPy broadcasting. */
export function maximum(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('maximum', a, b, 'maximum');
}
