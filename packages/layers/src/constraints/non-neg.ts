import { maximum, scalar, type Tensor, tidy } from '@tessera/core';
import type { Constraint } from './constraint';

/** Clamps negative weights to zero. */
export function nonNeg(): Constraint {
  const project = (weight: Tensor): Tensor => tidy(() => maximum(weight, scalar(0)));
  return Object.assign(project, { config: { name: 'nonNeg' } });
}
