import { ENGINE } from '../engine/engine';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Joins tensors along an existing axis; all other dimensions must match. */
export function concat(tensors: ReadonlyArray<Tensor | TensorLike>, axis = 0): Tensor {
  return runComposed(() => {
    if (!Array.isArray(tensors) || tensors.length === 0) {
      throw new InvalidArgumentError('concat: expected a non-empty array of tensors');
    }
    const inputs = tensors.map((value, index) => toTensor(value, `tensors[${index}]`, 'concat'));
    const first = inputs[0];
    const normalizedAxis = normalizeAxis(axis, first.rank, 'concat');
    for (const [index, input] of inputs.entries()) {
      if (input.dtype !== first.dtype) {
        throw new DTypeError(
          `concat: all tensors must share one dtype, got ${first.dtype} and ${input.dtype} at index ${index}`,
        );
      }
      const matches =
        input.rank === first.rank &&
        input.shape.every(
          (dimension, dimensionAxis) => dimensionAxis === normalizedAxis || dimension === first.shape[dimensionAxis],
        );
      if (!matches) {
        throw new ShapeError(
          `concat: shapes must match except along axis ${normalizedAxis}, got ${formatShape(first.shape)} and ${formatShape(input.shape)} at index ${index}`,
        );
      }
    }
    if (inputs.length === 1) return ENGINE.runKernel('reshape', { x: first }, { shape: [...first.shape] });
    return ENGINE.runKernel('concat', { tensors: inputs }, { axis: normalizedAxis });
  });
}
