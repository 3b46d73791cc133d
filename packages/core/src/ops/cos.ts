import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise cosine. */
export function cos(x: Tensor | TensorLike): Tensor {
  return runUnary('cos', x);
}
