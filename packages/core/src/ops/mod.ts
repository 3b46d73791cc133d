import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise remainder with the sign of the divisor (as Python and tfjs) with NumPy broadcasting. */
export function mod(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('mod', a, b, 'mod');
}
