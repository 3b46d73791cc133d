import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise hyperbolic tangent. */
export function tanh(x: Tensor | TensorLike): Tensor {
  return runUnary('tanh', x);
}
