import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { maximum } from './maximum';
import { minimum } from './minimum';
import type { TensorLike } from './tensor-like';

/**
 * Clamps every element into [min, max]. The gradient passes where min ≤ x ≤ max (both ends included, as tfjs)
 * and is 0 outside: maximum sends dy to x where x ≥ min, minimum where the result is ≤ max. NaN stays NaN.
 */
export function clipByValue(x: Tensor | TensorLike, min: number, max: number): Tensor {
  const opName = 'clipByValue';
  if (typeof min !== 'number' || typeof max !== 'number' || Number.isNaN(min) || Number.isNaN(max)) {
    throw new InvalidArgumentError(`${opName}: min and max must be numbers, got min=${String(min)} max=${String(max)}`);
  }
  if (min > max) throw new InvalidArgumentError(`${opName}: min must not exceed max, got min=${min} max=${max}`);
  // Converted inside the composed scope so that an array input is freed with the intermediates.
  return runComposed(() => minimum(maximum(toTensor(x, 'x', opName), min), max));
}
