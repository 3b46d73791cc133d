import { DTypeError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { matmul } from './matmul';
import type { TensorLike } from './tensor-like';

/**
 * Dot product of rank-1 or rank-2 tensors, as tfjs: vector·vector is a scalar, matrix·vector and
 * vector·matrix are vectors, matrix·matrix is the matrix product.
 */
export function dot(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  const left = toTensor(a, 'a', 'dot');
  const right = toTensor(b, 'b', 'dot');
  if (left.dtype !== right.dtype || left.dtype === 'bool') {
    throw new DTypeError(`dot: a and b must both be float32 or both int32, got a=${left.dtype} b=${right.dtype}`);
  }
  const shapes = `a=${formatShape(left.shape)} b=${formatShape(right.shape)}`;
  if (left.rank < 1 || left.rank > 2 || right.rank < 1 || right.rank > 2) {
    throw new ShapeError(`dot: both inputs must have rank 1 or 2, got ${shapes}`);
  }
  const leftInner = left.shape[left.rank - 1];
  const rightInner = right.shape[0];
  if (leftInner !== rightInner) {
    throw new ShapeError(`dot: inner dimensions must match, got ${shapes}`);
  }
  // matmul reshapes vector operands; those reshaped copies are intermediates here.
  return runComposed(() => matmul(left, right));
}
