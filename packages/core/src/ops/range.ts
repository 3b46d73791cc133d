import { DTypeError, InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { tensor } from './tensor';

/**
 * The numbers start, start + step, ... up to but excluding `stop`, as a rank-1 tensor. As in tfjs, a `stop` below
 * `start` with the default step counts down by 1, and a step that points away from `stop` gives an empty tensor.
 * Each value is start + i·step rounded once, so long float ranges do not accumulate rounding error.
 */
export function range(start: number, stop: number, step = 1, dtype: 'float32' | 'int32' = 'float32'): Tensor {
  const opName = 'range';
  for (const [name, value] of [
    ['start', start],
    ['stop', stop],
    ['step', step],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(`${opName}: ${name} must be a finite number, got ${String(value)}`);
    }
  }
  if (step === 0) throw new InvalidArgumentError(`${opName}: step must not be 0`);
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new DTypeError(`${opName}: dtype must be 'float32' or 'int32', got ${String(dtype)}`);
  }
  if (dtype === 'int32' && !(Number.isInteger(start) && Number.isInteger(step))) {
    throw new InvalidArgumentError(
      `${opName}: dtype int32 needs an integer start and step, got start=${start} step=${step}`,
    );
  }
  // tfjs flips only the default (or explicit 1) step; any other positive step away from stop is empty.
  const direction = stop < start && step === 1 ? -1 : step;
  const pointsAway = (stop - start) * direction <= 0;
  const count = pointsAway ? 0 : Math.ceil((stop - start) / direction);
  const values = Array.from({ length: count }, (_, index) => start + index * direction);
  return tensor(values, [count], dtype);
}
