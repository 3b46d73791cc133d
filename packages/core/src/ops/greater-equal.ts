import type { Tensor } from '../tensor';
import { runCompare } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise a >= b (bool output) with NumPy broadcasting. */
export function greaterEqual(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runCompare('greaterEqual', a, b, 'greaterEqual');
}
