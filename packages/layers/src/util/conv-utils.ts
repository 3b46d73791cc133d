import { InvalidArgumentError } from '@tessera/core';

/** `n` or `[height, width]` as a pair of positive integers; `context` and `option` name the argument in errors. */
export function normalizePair(
  value: number | readonly [number, number],
  context: string,
  option: string,
): [number, number] {
  const pair: number[] = typeof value === 'number' ? [value, value] : Array.isArray(value) ? [...value] : [];
  if (pair.length !== 2 || !pair.every((size) => Number.isInteger(size) && size > 0)) {
    throw new InvalidArgumentError(
      `${context}: ${option} must be a positive integer or a pair of them, got ${JSON.stringify(value)}`,
    );
  }
  return [pair[0], pair[1]];
}

export function assertPadding(padding: unknown, context: string): asserts padding is 'valid' | 'same' {
  if (padding !== 'valid' && padding !== 'same') {
    throw new InvalidArgumentError(`${context}: padding must be 'valid' or 'same', got ${String(padding)}`);
  }
}

/** The output length of a sliding window along one axis, as Keras computes it; null stays unknown. */
export function windowOutputLength(
  inputLength: number | null,
  windowSize: number,
  stride: number,
  padding: 'valid' | 'same',
): number | null {
  if (inputLength === null) return null;
  if (padding === 'same') return Math.ceil(inputLength / stride);
  return Math.floor((inputLength - windowSize) / stride) + 1;
}
