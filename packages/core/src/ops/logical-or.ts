import type { Tensor } from '../tensor';
import { runLogical } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise logical or of bool tensors with NumPy broadcasting. */
export function logicalOr(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runLogical('or', a, b, 'logicalOr');
}
