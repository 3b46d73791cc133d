import type { Tensor } from '../tensor';
import { fill } from './fill';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Zeros with the shape and dtype of `x`. */
export function zerosLike(x: Tensor | TensorLike): Tensor {
  const input = toTensor(x, 'x', 'zerosLike');
  return fill(input.shape, 0, input.dtype, 'zerosLike');
}
