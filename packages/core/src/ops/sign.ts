import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise sign: -1, 0 or 1. */
export function sign(x: Tensor | TensorLike): Tensor {
  return runUnary('sign', x);
}
