import type { Initializer, SeedOptions } from './initializer';
import { varianceScaling } from './variance-scaling';

/** Variance scaling with scale 1, mode fanIn, truncatedNormal distribution (as Keras' `lecunNormal`). */
export function lecunNormal(options: SeedOptions = {}): Initializer {
  return varianceScaling({ scale: 1, mode: 'fanIn', distribution: 'truncatedNormal', seed: options.seed });
}
