import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise floor. */
export function floor(x: Tensor | TensorLike): Tensor {
  return runUnary('floor', x);
}
