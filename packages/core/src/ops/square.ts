import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise x * x. */
export function square(x: Tensor | TensorLike): Tensor {
  return runUnary('square', x);
}
