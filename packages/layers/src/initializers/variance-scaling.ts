import { randomUniform, truncatedNormal } from '@tessera/core';
import { computeFans } from './compute-fans';
import type { Initializer, SeedOptions } from './initializer';

export interface VarianceScalingOptions extends SeedOptions {
  scale: number;
  mode: 'fanIn' | 'fanOut' | 'fanAvg';
  distribution: 'truncatedNormal' | 'uniform';
}

// The standard deviation of a unit normal truncated to [-2, 2]; dividing by it restores the intended variance.
const TRUNCATED_NORMAL_STDDEV = 0.8796256610342398;

/** The family behind glorot, he and lecun: variance = scale / fan, drawn uniform or truncated normal. */
export function varianceScaling(options: VarianceScalingOptions): Initializer {
  return (shape) => {
    const { fanIn, fanOut } = computeFans(shape);
    const fan = options.mode === 'fanIn' ? fanIn : options.mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const variance = options.scale / Math.max(1, fan);
    if (options.distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      return randomUniform(shape, -limit, limit, 'float32', { seed: options.seed });
    }
    const stdDev = Math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV;
    return truncatedNormal(shape, 0, stdDev, 'float32', { seed: options.seed });
  };
}
