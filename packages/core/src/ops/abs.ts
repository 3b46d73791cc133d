import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise absolute value. */
export function abs(x: Tensor | TensorLike): Tensor {
  return runUnary('abs', x);
}
