import { add, clipByValue, div, InvalidArgumentError, mul, scalar, type Tensor, tidy } from '@tessera/core';
import type { Constraint } from './constraint';
import { type ConstraintAxis, checkAxis, checkNonNegative, NORM_EPSILON, normsOver } from './constraint-axis';

export interface MinMaxNormOptions {
  /** Default 0. */
  minValue?: number;
  /** Default 1. */
  maxValue?: number;
  /** How far to move toward the clipped norm each step, in [0, 1]; 1 (default) enforces it at once. */
  rate?: number;
  axis?: ConstraintAxis;
}

/** Keeps slice norms in [minValue, maxValue]: `w · (rate · clip(norm) + (1 − rate) · norm) / (ε + norm)`. */
export function minMaxNorm(options: MinMaxNormOptions = {}): Constraint {
  const minValue = checkNonNegative(options.minValue ?? 0, 'minValue', 'minMaxNorm');
  const maxValue = checkNonNegative(options.maxValue ?? 1, 'maxValue', 'minMaxNorm');
  const rate = checkNonNegative(options.rate ?? 1, 'rate', 'minMaxNorm');
  if (minValue > maxValue || rate > 1) {
    throw new InvalidArgumentError(
      `minMaxNorm: expected minValue <= maxValue and rate in [0, 1], got minValue ${minValue}, maxValue ${maxValue}, rate ${rate}`,
    );
  }
  const axis = checkAxis(options.axis ?? 0, 'minMaxNorm');
  const project = (weight: Tensor): Tensor =>
    tidy(() => {
      const norms = normsOver(weight, axis);
      const clipped = mul(scalar(rate), clipByValue(norms, minValue, maxValue));
      const desired = add(clipped, mul(scalar(1 - rate), norms));
      return mul(weight, div(desired, add(scalar(NORM_EPSILON), norms)));
    });
  return Object.assign(project, { config: { name: 'minMaxNorm', minValue, maxValue, rate, axis } });
}
