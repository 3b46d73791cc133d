import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise test for finite values; bool output. */
export function isFinite(x: Tensor | TensorLike): Tensor {
  return runUnary('isFinite', x);
}
