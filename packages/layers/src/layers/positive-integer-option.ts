import { InvalidArgumentError } from '@tessera/core';

/** Checks a count option (filters, depthMultiplier) is a positive integer; `context` names the layer in errors. */
export function positiveIntegerOption(value: unknown, context: string, option: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new InvalidArgumentError(`${context}: ${option} must be a positive integer, got ${String(value)}`);
  }
  return value as number;
}
