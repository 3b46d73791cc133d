import type { Tensor } from '../tensor';
import { fill } from './fill';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Zeros with the shape and dtype of `x`. */
export function zerosLike(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'zerosLike');
    return fill(input.shape, 0, input.dtype, 'zerosLike');
  });
}
