import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Permutes the axes; without `perm` the axes are reversed. */
export function transpose(x: Tensor | TensorLike, perm?: readonly number[]): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'transpose');
    const permutation = perm ? [...perm] : input.shape.map((_, axis) => input.rank - 1 - axis);
    const valid =
      permutation.length === input.rank &&
      permutation.every((axis) => Number.isInteger(axis) && axis >= 0 && axis < input.rank) &&
      new Set(permutation).size === input.rank;
    if (!valid) {
      throw new InvalidArgumentError(
        `transpose: perm must be a permutation of 0..${input.rank - 1} for a tensor of rank ${input.rank}, got [${permutation.join(',')}]`,
      );
    }
    if (permutation.every((axis, index) => axis === index)) {
      return ENGINE.runKernel('reshape', { x: input }, { shape: [...input.shape] });
    }
    return ENGINE.runKernel('transpose', { x: input }, { perm: permutation });
  });
}
