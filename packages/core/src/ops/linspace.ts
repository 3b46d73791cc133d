import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { tensor } from './tensor';

/**
 * `num` evenly spaced float32 values from `start` to `stop`, both included. Each value is start + i·step rounded
 * once and the last one is `stop` exactly (tfjs accumulates the step in float32 and may miss it slightly).
 */
export function linspace(start: number, stop: number, num: number): Tensor {
  const opName = 'linspace';
  if (typeof start !== 'number' || !Number.isFinite(start) || typeof stop !== 'number' || !Number.isFinite(stop)) {
    throw new InvalidArgumentError(
      `${opName}: start and stop must be finite numbers, got start=${String(start)} stop=${String(stop)}`,
    );
  }
  if (typeof num !== 'number' || !Number.isInteger(num) || num <= 0) {
    throw new InvalidArgumentError(`${opName}: num must be a positive integer, got ${String(num)}`);
  }
  const step = num === 1 ? 0 : (stop - start) / (num - 1);
  const values = Array.from({ length: num }, (_, index) =>
    index === num - 1 && num > 1 ? stop : start + index * step,
  );
  return tensor(values, [num], 'float32');
}
