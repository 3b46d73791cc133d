import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise logistic function 1 / (1 + e^-x). */
export function sigmoid(x: Tensor | TensorLike): Tensor {
  return runUnary('sigmoid', x);
}
