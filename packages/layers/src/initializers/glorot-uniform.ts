import type { Initializer, SeedOptions } from './initializer';
import { varianceScaling } from './variance-scaling';

/** Variance scaling with scale 1, mode fanAvg, uniform distribution (as Keras' `glorotUniform`). */
export function glorotUniform(options: SeedOptions = {}): Initializer {
  return varianceScaling({ scale: 1, mode: 'fanAvg', distribution: 'uniform', seed: options.seed });
}
