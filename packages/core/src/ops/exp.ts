import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise e^x. */
export function exp(x: Tensor | TensorLike): Tensor {
  return runUnary('exp', x);
}
