import type { Tensor } from '../tensor';
import { runCompare } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise a < b (bool output) with NumPy broadcasting. */
export function less(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runCompare('less', a, b, 'less');
}
