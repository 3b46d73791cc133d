import type { Tensor } from '../tensor';
import { fill } from './fill';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Ones with the shape and dtype of `x`. */
export function onesLike(x: Tensor | TensorLike): Tensor {
  const input = toTensor(x, 'x', 'onesLike');
  return fill(input.shape, 1, input.dtype, 'onesLike');
}
