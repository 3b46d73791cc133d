import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise ceiling. */
export function ceil(x: Tensor | TensorLike): Tensor {
  return runUnary('ceil', x);
}
