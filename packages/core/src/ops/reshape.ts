import { ENGINE } from '../engine/engine';
import { InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape, sizeFromShape } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Same values, new shape (one dimension may be -1 and is inferred). Shares the buffer; copies nothing. */
export function reshape(x: Tensor | TensorLike, shape: readonly number[]): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'reshape');
    if (!Array.isArray(shape)) throw new InvalidArgumentError(`reshape: shape must be an array, got ${String(shape)}`);
    let inferredAxis = -1;
    let knownSize = 1;
    shape.forEach((dimension, axis) => {
      if (dimension === -1 && inferredAxis === -1) inferredAxis = axis;
      else if (typeof dimension !== 'number' || !Number.isInteger(dimension) || dimension < 0) {
        throw new InvalidArgumentError(
          `reshape: every dimension must be a non-negative integer (one may be -1), got ${formatShape(shape)}`,
        );
      } else knownSize *= dimension;
    });
    const finalShape = [...shape];
    if (inferredAxis >= 0) {
      if (knownSize === 0 || input.size % knownSize !== 0) {
        throw new ShapeError(
          `reshape: cannot infer the -1 dimension of ${formatShape(shape)} for ${input.size} elements`,
        );
      }
      finalShape[inferredAxis] = input.size / knownSize;
    }
    if (sizeFromShape(finalShape) !== input.size) {
      throw new ShapeError(
        `reshape: cannot reshape ${formatShape(input.shape)} (${input.size} elements) to ${formatShape(finalShape)} (${sizeFromShape(finalShape)} elements)`,
      );
    }
    return ENGINE.runKernel('reshape', { x: input }, { shape: finalShape });
  });
}
