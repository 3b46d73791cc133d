import { InvalidArgumentError, type Tensor, tensor } from '@tessera/core';
import { Dataset } from '../dataset';

export interface SlidingWindowOptions {
  /** Tokens per example. */
  windowLength: number;
  /** Distance between the starts of consecutive windows. Default `windowLength` (windows do not overlap). */
  stride?: number;
  /** How far the targets run ahead of the inputs. Default 1 (next-token prediction). */
  shift?: number;
}

/** One language-modelling example: `ys[t]` is the token `shift` places after `xs[t]`. */
export interface SlidingWindow {
  xs: Tensor;
  ys: Tensor;
}

/**
 * Cuts a token stream into `{ xs, ys }` examples, int32 tensors of shape `[windowLength]`, with
 * `xs = ids[start, start + windowLength)` and `ys` the same window moved `shift` ahead, for
 * `start = 0, stride, 2·stride, …` while the targets fit. Ready for `.shuffle(…).batch(32)`; the ids are copied,
 * so later changes to the array do not show, and each pass makes new tensors that the consumer disposes.
 */
export function slidingWindows(
  ids: Int32Array | readonly number[],
  options: SlidingWindowOptions,
): Dataset<SlidingWindow> {
  if (!(ids instanceof Int32Array) && !Array.isArray(ids)) {
    throw new InvalidArgumentError(
      `slidingWindows: ids must be an Int32Array or an array of integers, got ${typeof ids}`,
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('slidingWindows: options with windowLength are required');
  }
  const windowLength = checkPositive(options.windowLength, 'windowLength');
  const stride = checkPositive(options.stride ?? windowLength, 'stride');
  const shift = checkPositive(options.shift ?? 1, 'shift');
  const tokens = Int32Array.from(ids);
  for (let position = 0; position < ids.length; position++) {
    if (tokens[position] !== ids[position]) {
      throw new InvalidArgumentError(
        `slidingWindows: ids must be 32-bit integers, got ${String(ids[position])} at position ${position}`,
      );
    }
  }
  const span = windowLength + shift;
  const count = tokens.length < span ? 0 : Math.floor((tokens.length - span) / stride) + 1;
  return new Dataset(async function* () {
    for (let window = 0; window < count; window++) {
      const start = window * stride;
      yield {
        xs: tensor(tokens.slice(start, start + windowLength), [windowLength], 'int32'),
        ys: tensor(tokens.slice(start + shift, start + shift + windowLength), [windowLength], 'int32'),
      };
    }
  });
}

function checkPositive(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`slidingWindows: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
