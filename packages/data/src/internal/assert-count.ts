import { InvalidArgumentError } from '@tessera/core';

/** Checks a count argument: an integer at least `minimum` (Infinity allowed only where `allowInfinity`). */
export function assertCount(
  value: unknown,
  name: string,
  operation: string,
  minimum: number,
  allowInfinity = false,
): number {
  const valid =
    typeof value === 'number' && (Number.isInteger(value) || (allowInfinity && value === Number.POSITIVE_INFINITY));
  if (!valid || (value as number) < minimum) {
    throw new InvalidArgumentError(
      `${operation}: ${name} must be an integer >= ${minimum}${allowInfinity ? ' (or Infinity)' : ''}, got ${String(value)}`,
    );
  }
  return value as number;
}
