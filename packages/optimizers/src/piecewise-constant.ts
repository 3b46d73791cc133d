import { InvalidArgumentError } from '@tessera/core';
import type { LearningRateSchedule } from './optimizer';
import { assertNonNegative } from './validate-config';

export interface PiecewiseConstantOptions {
  /** Increasing step numbers. */
  boundaries: number[];
  /** One more than `boundaries`: `values[i]` holds while `boundaries[i-1] < step <= boundaries[i]`. */
  values: number[];
}

/** A step function of the iteration count, as Keras's `PiecewiseConstantDecay`. */
export function piecewiseConstant(options: PiecewiseConstantOptions): LearningRateSchedule {
  const owner = 'piecewiseConstant';
  const { boundaries, values } = options ?? {};
  if (!Array.isArray(boundaries) || !Array.isArray(values) || values.length !== boundaries.length + 1) {
    throw new InvalidArgumentError(
      `${owner}: values must have one more entry than boundaries, got ${values?.length} values and ${boundaries?.length} boundaries`,
    );
  }
  boundaries.forEach((boundary, index) => {
    if (!Number.isFinite(boundary) || (index > 0 && boundary <= boundaries[index - 1])) {
      throw new InvalidArgumentError(
        `${owner}: boundaries must be finite and strictly increasing, got [${boundaries.join(', ')}]`,
      );
    }
  });
  for (const value of values) assertNonNegative(owner, 'each of values', value);
  const ownBoundaries = [...boundaries];
  const ownValues = [...values];
  return (step: number) => {
    const interval = ownBoundaries.findIndex((boundary) => step <= boundary);
    return ownValues[interval === -1 ? ownValues.length - 1 : interval];
  };
}
