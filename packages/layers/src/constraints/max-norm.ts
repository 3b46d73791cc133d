import { add, clipByValue, div, mul, scalar, type Tensor, tidy } from '@tessera/core';
import type { Constraint } from './constraint';
import { type ConstraintAxis, checkAxis, checkNonNegative, NORM_EPSILON, normsOver } from './constraint-axis';

export interface MaxNormOptions {
  /** The largest allowed norm. Default 2. */
  maxValue?: number;
  /** The axes the norm runs over: 0 for each column of a dense kernel, [0, 1, 2] for each conv filter. */
  axis?: ConstraintAxis;
}

/** Rescales every slice whose L2 norm exceeds `maxValue` down to it: `w · clip(norm, 0, max) / (ε + norm)`. */
export function maxNorm(options: MaxNormOptions = {}): Constraint {
  const maxValue = checkNonNegative(options.maxValue ?? 2, 'maxValue', 'maxNorm');
  const axis = checkAxis(options.axis ?? 0, 'maxNorm');
  const project = (weight: Tensor): Tensor =>
    tidy(() => {
      const norms = normsOver(weight, axis);
      const desired = clipByValue(norms, 0, maxValue);
      return mul(weight, div(desired, add(scalar(NORM_EPSILON), norms)));
    });
  return Object.assign(project, { config: { name: 'maxNorm', maxValue, axis } });
}
