import { InvalidArgumentError } from '../../errors';

/** Accepts `n` or `[height, width]` for a window option and checks that both are positive integers. */
export function resolvePair(
  value: number | readonly [number, number],
  optionName: string,
  opName: string,
): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : Array.isArray(value) ? [...value] : [];
  if (pair.length !== 2 || !pair.every((entry) => Number.isInteger(entry) && entry >= 1)) {
    throw new InvalidArgumentError(
      `${opName}: ${optionName} must be a positive integer or a pair [height, width] of them, got ${JSON.stringify(value)}`,
    );
  }
  return [pair[0], pair[1]];
}
