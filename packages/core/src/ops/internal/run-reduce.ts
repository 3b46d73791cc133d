import type { ReduceOp } from '../../backend/kernel-specs';
import { ENGINE } from '../../engine/engine';
import { DTypeError } from '../../errors';
import type { Tensor } from '../../tensor';
import { normalizeAxes } from '../../util/shape';
import type { TensorLike } from '../tensor-like';
import { runComposed } from './run-composed';
import { toTensor } from './to-tensor';

/** Shape with reduced axes kept as 1 (for keepDims and for broadcasting gradients back). */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((dimension, axis) => (axes.includes(axis) ? 1 : dimension));
}

export function runReduce(
  op: ReduceOp,
  value: Tensor | TensorLike,
  axis: number | readonly number[] | null | undefined,
  keepDims: boolean,
  opName: string,
): Tensor {
  return runComposed(() => {
    let x = toTensor(value, 'x', opName);
    const axes = normalizeAxes(axis, x.rank, opName);
    if (op === 'any' || op === 'all') {
      if (x.dtype !== 'bool') throw new DTypeError(`${opName}: expected a bool tensor, got ${x.dtype}`);
    } else if (x.dtype === 'bool') {
      x = ENGINE.runKernel('cast', { x }, { dtype: 'int32' });
    }
    const reduced = ENGINE.runKernel('reduce', { x }, { op, axes });
    if (!keepDims) return reduced;
    return ENGINE.runKernel('reshape', { x: reduced }, { shape: keptShape(x.shape, axes) });
  });
}
