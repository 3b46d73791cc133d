import { InvalidArgumentError, truncatedNormal } from '@tessera/core';
import type { Initializer, SeedOptions } from './initializer';

export interface TruncatedNormalOptions extends SeedOptions {
  /** Default 0. */
  mean?: number;
  /** Default 0.05; draws beyond two standard deviations are redrawn. */
  stddev?: number;
}

/** Keras' `TruncatedNormal`: a normal draw cut at two standard deviations from the mean. */
export function truncatedNormalInitializer(options: TruncatedNormalOptions = {}): Initializer {
  const mean = options.mean ?? 0;
  const stddev = options.stddev ?? 0.05;
  if (!Number.isFinite(mean) || !Number.isFinite(stddev) || stddev <= 0) {
    throw new InvalidArgumentError(
      `truncatedNormal: expected a finite mean and a positive stddev, got mean ${String(mean)}, stddev ${String(stddev)}`,
    );
  }
  return (shape) => truncatedNormal(shape, mean, stddev, 'float32', { seed: options.seed });
}
