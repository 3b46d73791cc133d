import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise a * b with NumPy broadcasting. */
export function mul(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('mul', a, b, 'mul');
}
