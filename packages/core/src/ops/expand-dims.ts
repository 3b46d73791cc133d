import { ENGINE } from '../engine/engine';
import type { Tensor } from '../tensor';
import { normalizeInsertionAxis } from './internal/normalize-insertion-axis';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Inserts a dimension of size 1 at `axis`, in [-(rank + 1), rank]; -1 appends it. */
export function expandDims(x: Tensor | TensorLike, axis = 0): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'expandDims');
    const position = normalizeInsertionAxis(axis, input.rank, 'expandDims');
    const shape = [...input.shape];
    shape.splice(position, 0, 1);
    return ENGINE.runKernel('reshape', { x: input }, { shape });
  });
}
