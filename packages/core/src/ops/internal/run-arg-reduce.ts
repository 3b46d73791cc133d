import type { ArgReduceOp } from '../../backend/kernel-specs';
import { ENGINE } from '../../engine/engine';
import { InvalidArgumentError } from '../../errors';
import type { Tensor } from '../../tensor';
import { formatShape, normalizeAxis } from '../../util/shape';
import type { TensorLike } from '../tensor-like';
import { runComposed } from './run-composed';
import { toTensor } from './to-tensor';

/** argMax/argMin: int32 indices along one axis, which disappears from the shape. */
export function runArgReduce(op: ArgReduceOp, value: Tensor | TensorLike, axis: number, opName: string): Tensor {
  const x = toTensor(value, 'x', opName);
  if (x.rank === 0) {
    throw new InvalidArgumentError(`${opName}: expected a tensor of rank ≥ 1, got a scalar`);
  }
  const normalizedAxis = normalizeAxis(axis, x.rank, opName);
  if (x.shape[normalizedAxis] === 0) {
    // There is no index to return; tfjs answers 0, which points outside the axis.
    throw new InvalidArgumentError(
      `${opName}: axis ${normalizedAxis} of shape ${formatShape(x.shape)} is empty, so it has no ${op === 'argMax' ? 'largest' : 'smallest'} element`,
    );
  }
  if (x.dtype !== 'bool') return ENGINE.runKernel('argReduce', { x }, { op, axis: normalizedAxis });
  const input = x;
  return runComposed(() => {
    const integers = ENGINE.runKernel('cast', { x: input }, { dtype: 'int32' });
    return ENGINE.runKernel('argReduce', { x: integers }, { op, axis: normalizedAxis });
  });
}
