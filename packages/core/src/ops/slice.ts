import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** A contiguous block starting at `begin`; a size of -1 (or a missing entry) runs to the end of that axis. */
export function slice(
  x: Tensor | TensorLike,
  begin: number | readonly number[],
  size?: number | readonly number[],
): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'slice');
    const beginList = typeof begin === 'number' ? [begin] : [...begin];
    const sizeList = size === undefined ? [] : typeof size === 'number' ? [size] : [...size];
    if (beginList.length > input.rank || sizeList.length > input.rank) {
      throw new InvalidArgumentError(
        `slice: begin and size may have at most ${input.rank} entries for shape ${formatShape(input.shape)}, got begin=[${beginList}] size=[${sizeList}]`,
      );
    }
    const finalBegin: number[] = [];
    const finalSize: number[] = [];
    for (let axis = 0; axis < input.rank; axis++) {
      const start = beginList[axis] ?? 0;
      const dimension = input.shape[axis];
      const requested = sizeList[axis] ?? -1;
      const length = requested === -1 ? dimension - start : requested;
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(length) ||
        start < 0 ||
        length < 0 ||
        start + length > dimension
      ) {
        throw new InvalidArgumentError(
          `slice: begin=[${beginList}] size=[${sizeList}] is out of range for shape ${formatShape(input.shape)} at axis ${axis}`,
        );
      }
      finalBegin.push(start);
      finalSize.push(length);
    }
    return ENGINE.runKernel('slice', { x: input }, { begin: finalBegin, size: finalSize });
  });
}
