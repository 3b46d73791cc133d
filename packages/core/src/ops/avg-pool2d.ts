import { ENGINE } from '../engine/engine';
import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { type Pool2dOptions, resolvePool } from './internal/resolve-pool';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

/**
 * The mean of each window of an NHWC input `x` (or one without the batch axis). Padded positions are left out
 * of the mean, as in TensorFlow.
 */
export function avgPool2d(x: Tensor | TensorLike, options: Pool2dOptions): Tensor {
  const opName = 'avgPool2d';
  const input = toFloatArgument(x, 'x', opName);
  if (input.rank !== 3 && input.rank !== 4) {
    throw new ShapeError(
      `${opName}: x must have rank 4 [batch, height, width, channels] or rank 3, got x=${formatShape(input.shape)}`,
    );
  }
  const batchedShape = input.rank === 3 ? [1, ...input.shape] : input.shape;
  const attributes = resolvePool(batchedShape, options, opName);
  return runComposed(() => {
    const batched = input.rank === 3 ? reshape(input, batchedShape) : input;
    const output = ENGINE.runKernel('avgPool2d', { x: batched }, attributes);
    return input.rank === 3 ? reshape(output, output.shape.slice(1)) : output;
  });
}
