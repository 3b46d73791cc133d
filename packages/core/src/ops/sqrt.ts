import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise square root. */
export function sqrt(x: Tensor | TensorLike): Tensor {
  return runUnary('sqrt', x);
}
