import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise a / b (floor division for int32, as tfjs) with NumPy broadcasting. */
export function div(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('div', a, b, 'div');
}
