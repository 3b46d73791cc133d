import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { reshape } from './reshape';
import { slice } from './slice';
import type { TensorLike } from './tensor-like';

/** Splits along `axis` into `shape[axis]` tensors of rank − 1 (the inverse of `stack`). */
export function unstack(x: Tensor | TensorLike, axis = 0): Tensor[] {
  const input = toTensor(x, 'x', 'unstack');
  if (input.rank === 0) throw new InvalidArgumentError('unstack: expected a tensor of rank ≥ 1, got a scalar');
  const normalizedAxis = normalizeAxis(axis, input.rank, 'unstack');
  const pieceShape = input.shape.filter((_, index) => index !== normalizedAxis);
  const size = input.shape.map((dimension, index) => (index === normalizedAxis ? 1 : dimension));
  return runComposed(() =>
    Array.from({ length: input.shape[normalizedAxis] }, (_, position) => {
      const begin = input.shape.map((_, index) => (index === normalizedAxis ? position : 0));
      return reshape(slice(input, begin, size), pieceShape);
    }),
  );
}
