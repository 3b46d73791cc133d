import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise Gauss error function. */
export function erf(x: Tensor | TensorLike): Tensor {
  return runUnary('erf', x);
}
