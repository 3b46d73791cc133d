import { ENGINE } from '../engine/engine';
import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { assertValidShape, formatShape, shapesEqual } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Repeats size-1 dimensions (and adds leading ones) to reach `shape`, NumPy style. */
export function broadcastTo(x: Tensor | TensorLike, shape: readonly number[]): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'broadcastTo');
    assertValidShape(shape, 'broadcastTo');
    const offset = shape.length - input.rank;
    const compatible =
      offset >= 0 && input.shape.every((dimension, axis) => dimension === shape[axis + offset] || dimension === 1);
    if (!compatible) {
      throw new ShapeError(`broadcastTo: cannot broadcast ${formatShape(input.shape)} to ${formatShape(shape)}`);
    }
    if (shapesEqual(input.shape, shape)) return ENGINE.runKernel('reshape', { x: input }, { shape: [...shape] });
    return ENGINE.runKernel('broadcastTo', { x: input }, { shape: [...shape] });
  });
}
