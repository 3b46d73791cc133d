import { add, div, scalar, type Tensor, tidy } from '@tessera/core';
import type { Constraint } from './constraint';
import { type ConstraintAxis, checkAxis, NORM_EPSILON, normsOver } from './constraint-axis';

/** Scales every slice along `axis` (default 0) to unit L2 norm: `w / (ε + norm)`. */
export function unitNorm(options: { axis?: ConstraintAxis } = {}): Constraint {
  const axis = checkAxis(options.axis ?? 0, 'unitNorm');
  const project = (weight: Tensor): Tensor =>
    tidy(() => div(weight, add(scalar(NORM_EPSILON), normsOver(weight, axis))));
  return Object.assign(project, { config: { name: 'unitNorm', axis } });
}
