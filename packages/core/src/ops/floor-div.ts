import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise floor(a / b) with NumPy broadcasting. */
export function floorDiv(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('floorDiv', a, b, 'floorDiv');
}
