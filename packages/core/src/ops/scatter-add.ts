import { ENGINE } from '../engine/engine';
import { DTypeError, InvalidArgumentError } from '../errors';
import { checkValues } from '../memory/check-values';
import type { Tensor } from '../tensor';
import { normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/**
 * The adjoint of `gather`: a zero tensor with `size` rows along `axis`, into which each slice of `updates` is
 * added at its index (duplicates accumulate). Like tfjs's `unsortedSegmentSum` for a general axis.
 */
export function scatterAdd(updates: Tensor | TensorLike, indices: Tensor | TensorLike, size: number, axis = 0): Tensor {
  return runComposed(() => {
    const updatesTensor = toTensor(updates, 'updates', 'scatterAdd');
    const indexTensor = toTensor(indices, 'indices', 'scatterAdd', 'int32');
    if (indexTensor.dtype !== 'int32')
      throw new DTypeError(`scatterAdd: indices must be int32, got ${indexTensor.dtype}`);
    if (!Number.isInteger(size) || size < 0) {
      throw new InvalidArgumentError(`scatterAdd: size must be a non-negative integer, got ${String(size)}`);
    }
    const normalizedAxis = normalizeAxis(axis, Math.max(updatesTensor.rank - indexTensor.rank + 1, 1), 'scatterAdd');
    const expectedIndexShape = updatesTensor.shape.slice(normalizedAxis, normalizedAxis + indexTensor.rank);
    if (expectedIndexShape.join(',') !== indexTensor.shape.join(',')) {
      throw new InvalidArgumentError(
        `scatterAdd: updates dimensions ${normalizedAxis}..${normalizedAxis + indexTensor.rank - 1} must equal the indices shape [${indexTensor.shape}], got updates [${updatesTensor.shape}]`,
      );
    }
    checkValues(indexTensor, (values) => {
      for (let position = 0; position < values.length; position++) {
        if (values[position] < 0 || values[position] >= size) {
          throw new InvalidArgumentError(
            `scatterAdd: index ${values[position]} at position ${position} is out of range [0, ${size})`,
          );
        }
      }
    });
    return ENGINE.runKernel(
      'scatterAdd',
      { updates: updatesTensor, indices: indexTensor },
      { axis: normalizedAxis, size },
    );
  });
}
