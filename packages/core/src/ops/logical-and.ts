import type { Tensor } from '../tensor';
import { runLogical } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise logical and of bool tensors with NumPy broadcasting. */
export function logicalAnd(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runLogical('and', a, b, 'logicalAnd');
}
