import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise log(1 + x), accurate for small x. */
export function log1p(x: Tensor | TensorLike): Tensor {
  return runUnary('log1p', x);
}
