import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise sine. */
export function sin(x: Tensor | TensorLike): Tensor {
  return runUnary('sin', x);
}
