import { InvalidArgumentError, sqrt, square, sum, type Tensor } from '@tessera/core';

/** Keras' fuzz factor: keeps the rescale finite for an all-zero slice. */
export const NORM_EPSILON = 1e-7;

/** `axis` as a constraint config holds it: one axis or a list of them. */
export type ConstraintAxis = number | number[];

export function checkAxis(axis: unknown, context: string): ConstraintAxis {
  const valid = Number.isInteger(axis) || (Array.isArray(axis) && axis.length > 0 && axis.every(Number.isInteger));
  if (!valid) {
    throw new InvalidArgumentError(
      `${context}: axis must be an integer or a list of integers, got ${JSON.stringify(axis)}`,
    );
  }
  return Array.isArray(axis) ? [...axis] : (axis as number);
}

/** The L2 norm over `axis`, kept as size-1 axes so it broadcasts against the weight. */
export function normsOver(weight: Tensor, axis: ConstraintAxis): Tensor {
  return sqrt(sum(square(weight), axis, true));
}

export function checkNonNegative(value: unknown, option: string, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(`${context}: ${option} must be a non-negative finite number, got ${String(value)}`);
  }
  return value;
}
