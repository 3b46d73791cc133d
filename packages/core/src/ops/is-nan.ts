import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise test for NaN; bool output. */
export function isNaN(x: Tensor | TensorLike): Tensor {
  return runUnary('isNaN', x);
}
