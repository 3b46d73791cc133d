import { ENGINE } from '../engine/engine';
import { DTypeError, InvalidArgumentError } from '../errors';
import { checkValues } from '../memory/check-values';
import type { Tensor } from '../tensor';
import { normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Picks slices of `x` along `axis` at `indices` (int32, any shape). Out-of-range indices are an error. */
export function gather(x: Tensor | TensorLike, indices: Tensor | TensorLike, axis = 0): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'gather');
    const indexTensor = toTensor(indices, 'indices', 'gather', 'int32');
    if (indexTensor.dtype !== 'int32') {
      throw new DTypeError(`gather: indices must be int32, got ${indexTensor.dtype}`);
    }
    const normalizedAxis = normalizeAxis(axis, input.rank, 'gather');
    const limit = input.shape[normalizedAxis];
    // Checked where it is cheap to read; kernels may then index without bounds checks.
    checkValues(indexTensor, (values) => {
      for (let position = 0; position < values.length; position++) {
        const index = values[position];
        if (index < 0 || index >= limit) {
          throw new InvalidArgumentError(
            `gather: index ${index} at position ${position} is out of range [0, ${limit}) for axis ${normalizedAxis}`,
          );
        }
      }
    });
    return ENGINE.runKernel('gather', { x: input, indices: indexTensor }, { axis: normalizedAxis });
  });
}
