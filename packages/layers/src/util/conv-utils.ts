import { InvalidArgumentError } from '@tessera/core';

/** How a convolution pads: 'causal' (Conv1D only) pads the start alone, so output t sees inputs up to t. */
export type ConvPadding = 'valid' | 'same' | 'causal';

/** `n` or `[height, width]` as a pair of positive integers; `context` and `option` name the argument in errors. */
export function normalizePair(
  value: number | readonly [number, number],
  context: string,
  option: string,
): [number, number] {
  const pair = normalizeTuple(value, 2, context, option);
  return [pair[0], pair[1]];
}

/** `n` or a list of `rank` positive integers as a list of `rank` of them. */
export function normalizeTuple(
  value: number | readonly number[],
  rank: number,
  context: string,
  option: string,
): number[] {
  const tuple: number[] =
    typeof value === 'number' ? new Array(rank).fill(value) : Array.isArray(value) ? [...value] : [];
  if (tuple.length !== rank || !tuple.every((size) => Number.isInteger(size) && size > 0)) {
    const expected =
      rank === 1
        ? 'a positive integer'
        : rank === 2
          ? 'a positive integer or a pair of them'
          : `a positive integer or ${rank} of them`;
    throw new InvalidArgumentError(`${context}: ${option} must be ${expected}, got ${JSON.stringify(value)}`);
  }
  return tuple;
}

export function assertPadding(padding: unknown, context: string): asserts padding is 'valid' | 'same' {
  if (padding !== 'valid' && padding !== 'same') {
    throw new InvalidArgumentError(`${context}: padding must be 'valid' or 'same', got ${String(padding)}`);
  }
}

/** Only NHWC-style layouts are implemented; anything else is refused before it silently misreads axes. */
export function assertChannelsLast(dataFormat: unknown, context: string): void {
  if (dataFormat !== undefined && dataFormat !== 'channelsLast') {
    throw new InvalidArgumentError(
      `${context}: only dataFormat 'channelsLast' is supported, got ${JSON.stringify(dataFormat)}; transpose the input instead`,
    );
  }
}

/**
 * The output length of a sliding window along one axis, as Keras computes it; null stays unknown. `dilation`
 * spreads the window over `(windowSize − 1) · dilation + 1` positions; causal padding keeps the 'same' length.
 */
export function windowOutputLength(
  inputLength: number | null,
  windowSize: number,
  stride: number,
  padding: ConvPadding,
  dilation = 1,
): number | null {
  if (inputLength === null) return null;
  if (padding === 'same' || padding === 'causal') return Math.ceil(inputLength / stride);
  const span = (windowSize - 1) * dilation + 1;
  return Math.floor((inputLength - span) / stride) + 1;
}

/** The output length of a transposed convolution (Keras' deconv_output_length without output padding). */
export function transposedOutputLength(
  inputLength: number | null,
  windowSize: number,
  stride: number,
  padding: 'valid' | 'same',
): number | null {
  if (inputLength === null) return null;
  return padding === 'same' ? inputLength * stride : inputLength * stride + Math.max(windowSize - stride, 0);
}
