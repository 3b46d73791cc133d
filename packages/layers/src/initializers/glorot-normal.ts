import type { Initializer, SeedOptions } from './initializer';
import { varianceScaling } from './variance-scaling';

/** Variance scaling with scale 1, mode fanAvg, truncatedNormal distribution (as Keras' `glorotNormal`). */
export function glorotNormal(options: SeedOptions = {}): Initializer {
  return varianceScaling({ scale: 1, mode: 'fanAvg', distribution: 'truncatedNormal', seed: options.seed });
}
