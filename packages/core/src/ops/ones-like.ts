import type { Tensor } from '../tensor';
import { fill } from './fill';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Ones with the shape and dtype of `x`. */
export function onesLike(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'onesLike');
    return fill(input.shape, 1, input.dtype, 'onesLike');
  });
}
