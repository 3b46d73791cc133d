import { DTypeError, InvalidArgumentError, type Tensor, tensor } from '@tessera/core';

export interface PadSequencesOptions {
  /** Row length; default the longest sequence (0 when there are none). */
  maxLen?: number;
  /** Pad before ('pre', the default) or after each sequence. */
  padding?: 'pre' | 'post';
  /** Drop the start ('pre', the default) or the end of sequences longer than `maxLen`. */
  truncating?: 'pre' | 'post';
  /** Fill value. Default 0. */
  value?: number;
  dtype?: 'int32' | 'float32';
}

const SIDES = ['pre', 'post'];

/**
 * Keras's `pad_sequences`: a `[sequences, maxLen]` tensor, each row a sequence cut to `maxLen` and padded with
 * `value`; empty sequences give rows of `value`. With int32 every entry and `value` must be an integer.
 */
export function padSequences(sequences: ReadonlyArray<ArrayLike<number>>, options: PadSequencesOptions = {}): Tensor {
  if (!Array.isArray(sequences)) {
    throw new InvalidArgumentError(`padSequences: expected an array of sequences, got ${typeof sequences}`);
  }
  const padding = options.padding ?? 'pre';
  const truncating = options.truncating ?? 'pre';
  const value = options.value ?? 0;
  const dtype = options.dtype ?? 'int32';
  if (!SIDES.includes(padding)) {
    throw new InvalidArgumentError(`padSequences: padding must be 'pre' or 'post', got ${String(padding)}`);
  }
  if (!SIDES.includes(truncating)) {
    throw new InvalidArgumentError(`padSequences: truncating must be 'pre' or 'post', got ${String(truncating)}`);
  }
  if (dtype !== 'int32' && dtype !== 'float32') {
    throw new DTypeError(`padSequences: dtype must be 'int32' or 'float32', got ${String(dtype)}`);
  }
  if (typeof value !== 'number' || (dtype === 'int32' && !isInt32(value))) {
    throw new DTypeError(
      `padSequences: value must be ${dtype === 'int32' ? 'a 32-bit integer' : 'a number'} for ${dtype}, got ${String(value)}`,
    );
  }
  for (const [position, sequence] of sequences.entries()) {
    if (sequence === null || typeof sequence !== 'object' || typeof sequence.length !== 'number') {
      throw new InvalidArgumentError(
        `padSequences: sequence ${position} must be an array of numbers, got ${typeof sequence}`,
      );
    }
  }
  const maxLen = options.maxLen ?? sequences.reduce((longest, sequence) => Math.max(longest, sequence.length), 0);
  if (!Number.isInteger(maxLen) || maxLen < 0) {
    throw new InvalidArgumentError(`padSequences: maxLen must be a non-negative integer, got ${String(maxLen)}`);
  }
  const values =
    dtype === 'int32' ? new Int32Array(sequences.length * maxLen) : new Float32Array(sequences.length * maxLen);
  values.fill(value);
  sequences.forEach((sequence, row) => {
    const length = Math.min(sequence.length, maxLen);
    const sourceStart = truncating === 'pre' ? sequence.length - length : 0;
    const targetStart = row * maxLen + (padding === 'pre' ? maxLen - length : 0);
    // Every entry is checked, also the ones truncation drops, so bad data fails whatever maxLen is.
    for (let position = 0; position < sequence.length; position++) {
      const entry = sequence[position];
      if (typeof entry !== 'number' || (dtype === 'int32' && !isInt32(entry))) {
        throw new DTypeError(
          `padSequences: sequence ${row} holds ${String(entry)} at ${position}; int32 needs 32-bit integers (pass dtype 'float32' for other numbers)`,
        );
      }
    }
    for (let offset = 0; offset < length; offset++) values[targetStart + offset] = sequence[sourceStart + offset];
  });
  return tensor(values, [sequences.length, maxLen], dtype);
}

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}
