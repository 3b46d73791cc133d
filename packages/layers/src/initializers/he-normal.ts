import type { Initializer, SeedOptions } from './initializer';
import { varianceScaling } from './variance-scaling';

/** Variance scaling with scale 2, mode fanIn, truncatedNormal distribution (as Keras' `heNormal`). */
export function heNormal(options: SeedOptions = {}): Initializer {
  return varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'truncatedNormal', seed: options.seed });
}
