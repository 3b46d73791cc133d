import { type DType, isDType } from '../dtype';
import { ENGINE } from '../engine/engine';
import { DTypeError } from '../errors';
import type { Tensor } from '../tensor';
import { assertValidShape } from '../util/shape';

/** A tensor of `shape` with every element `value`; the dtype defaults to bool for booleans, else float32. */
export function fill(
  shape: readonly number[],
  value: number | boolean,
  dtype: DType = typeof value === 'boolean' ? 'bool' : 'float32',
  opName = 'fill',
): Tensor {
  assertValidShape(shape, opName);
  if (!isDType(dtype))
    throw new DTypeError(`${opName}: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`);
  const numeric = Number(value);
  if (dtype === 'int32' && !Number.isInteger(numeric)) {
    throw new DTypeError(`${opName}: dtype int32 needs an integer value, got ${String(value)}`);
  }
  if (dtype === 'bool' && numeric !== 0 && numeric !== 1) {
    throw new DTypeError(`${opName}: dtype bool needs true/false or 0/1, got ${String(value)}`);
  }
  return ENGINE.runKernel('fill', {}, { shape: [...shape], value: numeric, dtype });
}
