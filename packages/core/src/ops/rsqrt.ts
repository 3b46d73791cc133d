import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise 1 / sqrt(x). */
export function rsqrt(x: Tensor | TensorLike): Tensor {
  return runUnary('rsqrt', x);
}
