import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise negation. */
export function neg(x: Tensor | TensorLike): Tensor {
  return runUnary('neg', x);
}
