import type { DType } from '../dtype';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { tensor } from './tensor';

/** A rank-0 tensor. */
export function scalar(value: number | boolean, dtype?: DType): Tensor {
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new InvalidArgumentError(`scalar: expected a number or boolean, got ${typeof value}`);
  }
  return tensor(value, [], dtype);
}
