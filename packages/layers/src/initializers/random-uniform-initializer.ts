import { InvalidArgumentError, randomUniform } from '@tessera/core';
import type { Initializer, SeedOptions } from './initializer';

export interface RandomUniformOptions extends SeedOptions {
  /** Default -0.05. */
  minval?: number;
  /** Default 0.05. */
  maxval?: number;
}

/** Keras' `RandomUniform`: values drawn uniformly from [minval, maxval). */
export function randomUniformInitializer(options: RandomUniformOptions = {}): Initializer {
  const minval = options.minval ?? -0.05;
  const maxval = options.maxval ?? 0.05;
  if (!Number.isFinite(minval) || !Number.isFinite(maxval) || minval >= maxval) {
    throw new InvalidArgumentError(
      `randomUniform: expected finite minval < maxval, got minval ${String(minval)}, maxval ${String(maxval)}`,
    );
  }
  return (shape) => randomUniform(shape, minval, maxval, 'float32', { seed: options.seed });
}
