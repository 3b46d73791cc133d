import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise a - b with NumPy broadcasting. */
export function sub(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('sub', a, b, 'sub');
}
