import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise e^x - 1, accurate for small x. */
export function expm1(x: Tensor | TensorLike): Tensor {
  return runUnary('expm1', x);
}
