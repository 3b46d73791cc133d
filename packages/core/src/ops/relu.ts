import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise max(x, 0). */
export function relu(x: Tensor | TensorLike): Tensor {
  return runUnary('relu', x);
}
