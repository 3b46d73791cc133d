import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Pads each axis with `paddings[axis] = [before, after]` copies of `constantValue`. */
export function pad(
  x: Tensor | TensorLike,
  paddings: ReadonlyArray<readonly [number, number]>,
  constantValue = 0,
): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'pad');
    const valid =
      Array.isArray(paddings) &&
      paddings.length === input.rank &&
      paddings.every(
        (pair) =>
          Array.isArray(pair) && pair.length === 2 && pair.every((amount) => Number.isInteger(amount) && amount >= 0),
      );
    if (!valid) {
      throw new InvalidArgumentError(
        `pad: paddings must be ${input.rank} pairs of non-negative integers [before, after], got ${JSON.stringify(paddings)}`,
      );
    }
    return ENGINE.runKernel(
      'pad',
      { x: input },
      {
        paddings: paddings.map(([before, after]) => [before, after] as [number, number]),
        value: constantValue,
      },
    );
  });
}
