import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, normalizeAxes } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Removes the size-1 dimensions listed in `axis` (every size-1 dimension by default). */
export function squeeze(x: Tensor | TensorLike, axis?: number | number[]): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'squeeze');
    let removed: number[];
    if (axis === undefined) {
      removed = input.shape.flatMap((dimension, index) => (dimension === 1 ? [index] : []));
    } else {
      removed = normalizeAxes(axis, input.rank, 'squeeze');
      for (const index of removed) {
        if (input.shape[index] !== 1) {
          throw new InvalidArgumentError(
            `squeeze: cannot squeeze axis ${index} of shape ${formatShape(input.shape)}: its dimension is ${input.shape[index]}, not 1`,
          );
        }
      }
    }
    const shape = input.shape.filter((_, index) => !removed.includes(index));
    return ENGINE.runKernel('reshape', { x: input }, { shape });
  });
}
