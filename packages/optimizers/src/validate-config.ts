import { InvalidArgumentError } from '@tessera/core';

/** A finite number greater than or equal to zero (learning rates, epsilons, decay factors). */
export function assertNonNegative(owner: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(`${owner}: ${field} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/** A finite number strictly greater than zero (clipping thresholds, step counts). */
export function assertPositive(owner: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`${owner}: ${field} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** A decay rate in [0, 1): 1 would freeze the running average at its initial value forever. */
export function assertUnitInterval(owner: string, field: string, value: unknown, allowOne = false): number {
  const upperOk = (candidate: number) => (allowOne ? candidate <= 1 : candidate < 1);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || !upperOk(value)) {
    const range = allowOne ? '[0, 1]' : '[0, 1)';
    throw new InvalidArgumentError(`${owner}: ${field} must be in ${range}, got ${String(value)}`);
  }
  return value;
}

export function assertBoolean(owner: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`${owner}: ${field} must be a boolean, got ${String(value)}`);
  }
  return value;
}
