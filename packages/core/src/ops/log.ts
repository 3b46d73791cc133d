import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise natural logarithm. */
export function log(x: Tensor | TensorLike): Tensor {
  return runUnary('log', x);
}
