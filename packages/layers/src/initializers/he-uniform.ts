import type { Initializer, SeedOptions } from './initializer';
import { varianceScaling } from './variance-scaling';

/** Variance scaling with scale 2, mode fanIn, uniform distribution (as Keras' `heUniform`). */
export function heUniform(options: SeedOptions = {}): Initializer {
  return varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'uniform', seed: options.seed });
}
