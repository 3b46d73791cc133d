import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise logical negation of a bool tensor. */
export function logicalNot(x: Tensor | TensorLike): Tensor {
  return runUnary('logicalNot', x);
}
