import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, shapesEqual } from '../util/shape';
import { concat } from './concat';
import { expandDims } from './expand-dims';
import { normalizeInsertionAxis } from './internal/normalize-insertion-axis';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Joins tensors of one shape and dtype along a new axis at `axis`, in [-(rank + 1), rank]. */
export function stack(tensors: ReadonlyArray<Tensor | TensorLike>, axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new InvalidArgumentError('stack: expected a non-empty array of tensors');
  }
  const inputs = tensors.map((value, index) => toTensor(value, `tensors[${index}]`, 'stack'));
  const first = inputs[0];
  for (const [index, input] of inputs.entries()) {
    if (input.dtype !== first.dtype) {
      throw new DTypeError(
        `stack: all tensors must share one dtype, got ${first.dtype} and ${input.dtype} at index ${index}`,
      );
    }
    if (!shapesEqual(input.shape, first.shape)) {
      throw new ShapeError(
        `stack: all tensors must have the same shape, got ${formatShape(first.shape)} and ${formatShape(input.shape)} at index ${index}`,
      );
    }
  }
  const position = normalizeInsertionAxis(axis, first.rank, 'stack');
  return runComposed(() =>
    concat(
      inputs.map((input) => expandDims(input, position)),
      position,
    ),
  );
}
