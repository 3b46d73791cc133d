import { type DType, isDType } from '../dtype';
import { DTypeError, InvalidArgumentError } from '../errors';
import { Tensor } from '../tensor';
import { equal } from './equal';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { range } from './range';
import { reshape } from './reshape';
import { scalar } from './scalar';
import { tensor } from './tensor';
import type { TensorLike } from './tensor-like';
import { where } from './where';

/** The fill value in the output dtype, converted the way tfjs stores it (int32 truncates toward zero). */
function valueIn(value: number, dtype: DType): Tensor {
  if (dtype === 'int32') return scalar(Math.trunc(value), 'int32');
  if (dtype === 'bool') return scalar(value !== 0, 'bool');
  return scalar(value, 'float32');
}

/**
 * One-hot encoding: an extra last axis of length `depth` holding `onValue` at each index and `offValue` elsewhere.
 * Indices outside [0, depth) give a row of `offValue`. The output is int32 by default, as in tfjs.
 */
export function oneHot(
  indices: Tensor | TensorLike,
  depth: number,
  onValue = 1,
  offValue = 0,
  dtype: DType = 'int32',
): Tensor {
  const opName = 'oneHot';
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) {
    throw new InvalidArgumentError(`${opName}: depth must be a positive integer, got ${String(depth)}`);
  }
  if (typeof onValue !== 'number' || typeof offValue !== 'number') {
    throw new InvalidArgumentError(
      `${opName}: onValue and offValue must be numbers, got ${typeof onValue} and ${typeof offValue}`,
    );
  }
  if (!isDType(dtype))
    throw new DTypeError(`${opName}: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`);
  // Inside the composed scope so that indices converted from an array are freed with the other intermediates.
  return runComposed(() => {
    // Plain arrays of indices become int32 (tensor() rejects non-integers) rather than the float32 default.
    const input =
      indices instanceof Tensor ? toTensor(indices, 'indices', opName) : tensor(indices, undefined, 'int32');
    if (input.dtype !== 'int32') throw new DTypeError(`${opName}: indices must be int32, got ${input.dtype}`);
    // Comparing each index with 0..depth-1 broadcasts into the one-hot mask without reading the indices.
    const columns = range(0, depth, 1, 'int32');
    const mask = equal(reshape(input, [...input.shape, 1]), columns);
    return where(mask, valueIn(onValue, dtype), valueIn(offValue, dtype));
  });
}
