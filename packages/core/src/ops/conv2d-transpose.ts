import { ENGINE } from '../engine/engine';
import { InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import type { Padding2d } from './internal/resolve-padding';
import { resolvePair } from './internal/resolve-pair';
import { resolveWindow } from './internal/resolve-window';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { windowGeometry } from './internal/window-geometry';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

export interface Conv2dTransposeOptions {
  /** The strides of the forward convolution this op transposes, `n` or `[height, width]`. Default 1. */
  strides?: number | [number, number];
  /** The padding of that forward convolution, resolved against `outputShape`. Default 'valid'. */
  padding?: Padding2d;
}

/**
 * The transpose (gradient) of conv2d, as tfjs: `x` is `[batch, height, width, inChannels]` (or without the
 * batch axis), `filter` is `[filterHeight, filterWidth, outChannels, inChannels]`, and `outputShape` is the shape
 * of the result, i.e. the input shape of the forward convolution (it resolves the ambiguity strides leave).
 */
export function conv2dTranspose(
  x: Tensor | TensorLike,
  filter: Tensor | TensorLike,
  outputShape: readonly number[],
  options: Conv2dTransposeOptions = {},
): Tensor {
  const opName = 'conv2dTranspose';
  const input = toFloatArgument(x, 'x', opName);
  const kernel = toFloatArgument(filter, 'filter', opName);
  const shapes = `x=${formatShape(input.shape)} filter=${formatShape(kernel.shape)} outputShape=${JSON.stringify(outputShape)}`;
  if (input.rank !== 3 && input.rank !== 4) {
    throw new ShapeError(`${opName}: x must have rank 4 [batch, height, width, channels] or rank 3, got ${shapes}`);
  }
  if (kernel.rank !== 4) {
    throw new ShapeError(`${opName}: filter must have rank 4 [height, width, outChannels, inChannels], got ${shapes}`);
  }
  const validOutputShape =
    Array.isArray(outputShape) &&
    outputShape.length === input.rank &&
    outputShape.every((dimension) => Number.isInteger(dimension) && dimension >= 0);
  if (!validOutputShape) {
    throw new InvalidArgumentError(
      `${opName}: outputShape must list ${input.rank} non-negative integers like x, got ${shapes}`,
    );
  }
  const batch = input.rank === 4 ? input.shape[0] : 1;
  const batchedOutputShape = input.rank === 4 ? [...outputShape] : [1, ...outputShape];
  if (batchedOutputShape[0] !== batch) {
    throw new ShapeError(`${opName}: outputShape must keep x's batch size, got ${shapes}`);
  }
  if (input.shape[input.rank - 1] !== kernel.shape[3]) {
    throw new ShapeError(`${opName}: x channels must match the filter's in-channels (its last axis), got ${shapes}`);
  }
  if (batchedOutputShape[3] !== kernel.shape[2]) {
    throw new ShapeError(
      `${opName}: outputShape channels must match the filter's out-channels (axis 2), got ${shapes}`,
    );
  }
  const strides = resolvePair(options.strides ?? 1, 'strides', opName);
  const dilations: [number, number] = [1, 1];
  const windowSize: [number, number] = [kernel.shape[0], kernel.shape[1]];
  const padding = resolveWindow(
    batchedOutputShape,
    windowSize,
    strides,
    dilations,
    options.padding ?? 'valid',
    opName,
    shapes,
  );
  const forward = windowGeometry(batchedOutputShape, windowSize, strides, dilations, padding);
  const batchedXShape = input.rank === 3 ? [1, ...input.shape] : input.shape;
  if (forward.outHeight !== batchedXShape[1] || forward.outWidth !== batchedXShape[2]) {
    throw new ShapeError(
      `${opName}: a convolution of outputShape with these strides and padding gives ${forward.outHeight}x${forward.outWidth} positions, so x must have that height and width, got ${shapes}`,
    );
  }
  return runComposed(() => {
    const batchedX = input.rank === 3 ? reshape(input, batchedXShape) : input;
    const output = ENGINE.runKernel(
      'conv2dBackpropInput',
      { dy: batchedX, filter: kernel },
      { strides, dilations, padding, inputShape: batchedOutputShape },
    );
    return input.rank === 3 ? reshape(output, output.shape.slice(1)) : output;
  });
}
