import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise 1 / x. */
export function reciprocal(x: Tensor | TensorLike): Tensor {
  return runUnary('reciprocal', x);
}
