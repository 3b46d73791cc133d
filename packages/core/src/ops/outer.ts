import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { mul } from './mul';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

/** Outer product of two vectors: result[i, j] = a[i]·b[j] (tfjs's `outerProduct`). */
export function outer(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  const left = toTensor(a, 'a', 'outer');
  const right = toTensor(b, 'b', 'outer');
  if (left.rank !== 1 || right.rank !== 1) {
    throw new ShapeError(
      `outer: both inputs must be vectors (rank 1), got a=${formatShape(left.shape)} b=${formatShape(right.shape)}`,
    );
  }
  return runComposed(() => mul(reshape(left, [left.size, 1]), reshape(right, [1, right.size])));
}
