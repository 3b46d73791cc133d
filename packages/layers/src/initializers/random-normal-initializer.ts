import { randomNormal } from '@tessera/core';
import type { Initializer, SeedOptions } from './initializer';

export interface RandomNormalOptions extends SeedOptions {
  mean?: number;
  stdDev?: number;
}

/** Keras' `RandomNormal`: mean 0 and standard deviation 0.05 unless given. */
export function randomNormalInitializer(options: RandomNormalOptions = {}): Initializer {
  return (shape) => randomNormal(shape, options.mean ?? 0, options.stdDev ?? 0.05, 'float32', { seed: options.seed });
}
