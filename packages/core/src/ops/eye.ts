import { allocateTypedArray, type DType, isDType } from '../dtype';
import { DTypeError, InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { sizeFromShape } from '../util/shape';
import { tensor } from './tensor';

function assertCount(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`eye: ${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/**
 * An identity matrix of `numRows` × `numColumns` (square by default), repeated over `batchShape` when given:
 * the result has shape [...batchShape, numRows, numColumns]. Ones on the main diagonal, zeros elsewhere.
 */
export function eye(
  numRows: number,
  numColumns: number = numRows,
  batchShape: readonly number[] = [],
  dtype: DType = 'float32',
): Tensor {
  assertCount(numRows, 'numRows');
  assertCount(numColumns, 'numColumns');
  if (!Array.isArray(batchShape)) {
    throw new InvalidArgumentError(`eye: batchShape must be an array of dimensions, got ${String(batchShape)}`);
  }
  batchShape.forEach((dimension, index) => {
    assertCount(dimension, `batchShape[${index}]`);
  });
  if (!isDType(dtype)) throw new DTypeError(`eye: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`);
  const shape = [...batchShape, numRows, numColumns];
  const values = allocateTypedArray(dtype, sizeFromShape(shape));
  const matrixSize = numRows * numColumns;
  const diagonal = Math.min(numRows, numColumns);
  for (let start = 0; start < values.length; start += matrixSize) {
    for (let index = 0; index < diagonal; index++) values[start + index * (numColumns + 1)] = 1;
  }
  return tensor(values, shape, dtype);
}
