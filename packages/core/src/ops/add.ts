import type { Tensor } from '../tensor';
import { runBinary } from './internal/run-binary';
import type { TensorLike } from './tensor-like';

/** Element-wise a + b with NumPy broadcasting. */
export function add(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runBinary('add', a, b, 'add');
}
