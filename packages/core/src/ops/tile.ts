import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { broadcastTo } from './broadcast-to';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

/**
 * Repeats the whole tensor `reps[axis]` times along each axis (one entry per axis, as tfjs). Built as
 * reshape to [1, d0, 1, d1, ...], broadcast to [r0, d0, r1, d1, ...] and reshape to [r0·d0, r1·d1, ...], so
 * the gradient (sum over the repeats) comes from broadcastTo's rule.
 */
export function tile(x: Tensor | TensorLike, reps: readonly number[]): Tensor {
  const input = toTensor(x, 'x', 'tile');
  const valid =
    Array.isArray(reps) &&
    reps.length === input.rank &&
    reps.every((count) => typeof count === 'number' && Number.isInteger(count) && count >= 0);
  if (!valid) {
    throw new InvalidArgumentError(
      `tile: reps must hold one non-negative integer per axis (${input.rank} for shape ${formatShape(input.shape)}), got ${Array.isArray(reps) ? `[${reps.join(',')}]` : String(reps)}`,
    );
  }
  return runComposed(() => {
    const interleaved = reshape(
      input,
      input.shape.flatMap((dimension) => [1, dimension]),
    );
    const repeated = broadcastTo(
      interleaved,
      input.shape.flatMap((dimension, axis) => [reps[axis], dimension]),
    );
    return reshape(
      repeated,
      input.shape.map((dimension, axis) => dimension * reps[axis]),
    );
  });
}
