import { InvalidArgumentError, randomNormal, randomUniform, truncatedNormal } from '@tessera/core';
import { computeFans } from './compute-fans';
import type { Initializer, SeedOptions } from './initializer';

export interface VarianceScalingOptions extends SeedOptions {
  /** Default 1. */
  scale?: number;
  /** Which fan divides the scale. Default 'fanIn'. */
  mode?: 'fanIn' | 'fanOut' | 'fanAvg';
  /** Default 'truncatedNormal'; 'normal' is the untruncated normal. */
  distribution?: 'truncatedNormal' | 'normal' | 'uniform';
}

// The standard deviation of a unit normal truncated to [-2, 2]; dividing by it restores the intended variance.
const TRUNCATED_NORMAL_STDDEV = 0.8796256610342398;

const modes = ['fanIn', 'fanOut', 'fanAvg'];
const distributions = ['truncatedNormal', 'normal', 'uniform'];

/** The family behind glorot, he and lecun: variance = scale / fan, drawn uniform, normal or truncated normal. */
export function varianceScaling(options: VarianceScalingOptions = {}): Initializer {
  const scale = options.scale ?? 1;
  const mode = options.mode ?? 'fanIn';
  const distribution = options.distribution ?? 'truncatedNormal';
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new InvalidArgumentError(`varianceScaling: scale must be a positive finite number, got ${String(scale)}`);
  }
  if (!modes.includes(mode)) {
    throw new InvalidArgumentError(`varianceScaling: mode must be one of ${modes.join(', ')}, got ${String(mode)}`);
  }
  if (!distributions.includes(distribution)) {
    throw new InvalidArgumentError(
      `varianceScaling: distribution must be one of ${distributions.join(', ')}, got ${String(distribution)}`,
    );
  }
  return (shape) => {
    const { fanIn, fanOut } = computeFans(shape);
    const fan = mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const variance = scale / Math.max(1, fan);
    if (distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      return randomUniform(shape, -limit, limit, 'float32', { seed: options.seed });
    }
    if (distribution === 'normal')
      return randomNormal(shape, 0, Math.sqrt(variance), 'float32', { seed: options.seed });
    const stdDev = Math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV;
    return truncatedNormal(shape, 0, stdDev, 'float32', { seed: options.seed });
  };
}
