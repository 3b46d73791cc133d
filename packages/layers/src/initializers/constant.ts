import { fill, InvalidArgumentError } from '@tessera/core';
import type { Initializer } from './initializer';

export function constant(options: { value: number }): Initializer {
  if (typeof options?.value !== 'number' || !Number.isFinite(options.value)) {
    throw new InvalidArgumentError(`constant: value must be a finite number, got ${String(options?.value)}`);
  }
  return (shape) => fill(shape, options.value, 'float32');
}
