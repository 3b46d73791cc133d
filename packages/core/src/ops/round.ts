import type { Tensor } from '../tensor';
import { runUnary } from './internal/run-unary';
import type { TensorLike } from './tensor-like';

/** Element-wise rounding, halves to even (as tfjs and NumPy). */
export function round(x: Tensor | TensorLike): Tensor {
  return runUnary('round', x);
}
