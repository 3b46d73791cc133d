import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { slice } from './slice';
import type { TensorLike } from './tensor-like';

/**
 * Splits along `axis` into `numOrSizeSplits` equal pieces, or into pieces of the listed sizes (one size may be
 * -1 and takes what is left), as tfjs.
 */
export function split(x: Tensor | TensorLike, numOrSizeSplits: number | readonly number[], axis = 0): Tensor[] {
  const input = toTensor(x, 'x', 'split');
  if (input.rank === 0) throw new InvalidArgumentError('split: expected a tensor of rank ≥ 1, got a scalar');
  const normalizedAxis = normalizeAxis(axis, input.rank, 'split');
  const sizes = splitSizes(numOrSizeSplits, input.shape[normalizedAxis], normalizedAxis, input.shape);
  return runComposed(() => {
    let offset = 0;
    return sizes.map((length) => {
      const begin = input.shape.map((_, index) => (index === normalizedAxis ? offset : 0));
      const size = input.shape.map((dimension, index) => (index === normalizedAxis ? length : dimension));
      offset += length;
      return slice(input, begin, size);
    });
  });
}

function splitSizes(
  numOrSizeSplits: number | readonly number[],
  dimension: number,
  axis: number,
  shape: readonly number[],
): number[] {
  const where = `axis ${axis} of shape ${formatShape(shape)}`;
  if (typeof numOrSizeSplits === 'number') {
    const count = numOrSizeSplits;
    if (!Number.isInteger(count) || count < 1) {
      throw new InvalidArgumentError(`split: the number of splits must be a positive integer, got ${String(count)}`);
    }
    if (dimension % count !== 0) {
      throw new InvalidArgumentError(`split: ${count} splits do not divide ${where} (size ${dimension}) evenly`);
    }
    return new Array<number>(count).fill(dimension / count);
  }
  if (!Array.isArray(numOrSizeSplits) || numOrSizeSplits.length === 0) {
    throw new InvalidArgumentError(
      `split: numOrSizeSplits must be a positive integer or a non-empty array of sizes, got ${String(numOrSizeSplits)}`,
    );
  }
  const sizes = [...numOrSizeSplits];
  const listed = `[${sizes.join(',')}]`;
  if (!sizes.every((size) => Number.isInteger(size) && size >= -1)) {
    throw new InvalidArgumentError(`split: sizes must be non-negative integers (one may be -1), got ${listed}`);
  }
  const inferred = sizes.filter((size) => size === -1).length;
  if (inferred > 1) throw new InvalidArgumentError(`split: at most one size may be -1, got ${listed}`);
  const known = sizes.reduce((total, size) => (size === -1 ? total : total + size), 0);
  if (inferred === 1) {
    if (known > dimension) {
      throw new InvalidArgumentError(`split: sizes ${listed} exceed the size ${dimension} of ${where}`);
    }
    return sizes.map((size) => (size === -1 ? dimension - known : size));
  }
  if (known !== dimension) {
    throw new InvalidArgumentError(`split: sizes ${listed} sum to ${known}, but ${where} has size ${dimension}`);
  }
  return sizes;
}
