import { ENGINE } from '../engine/engine';
import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import type { Padding2d } from './internal/resolve-padding';
import { resolvePair } from './internal/resolve-pair';
import { resolveWindow } from './internal/resolve-window';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

export interface Conv2dOptions {
  /** Step between windows, `n` or `[height, width]`. Default 1. */
  strides?: number | [number, number];
  /** 'same', 'valid' (default), a number for every side, or `[[top, bottom], [left, right]]`. */
  padding?: Padding2d;
  /** Spacing between filter taps (atrous convolution), `n` or `[height, width]`. Default 1. */
  dilations?: number | [number, number];
}

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of an NHWC input `x`
 * (`[batch, height, width, inChannels]`, or without the batch axis) with an HWIO `filter`
 * (`[filterHeight, filterWidth, inChannels, outChannels]`).
 */
export function conv2d(x: Tensor | TensorLike, filter: Tensor | TensorLike, options: Conv2dOptions = {}): Tensor {
  const opName = 'conv2d';
  const input = toFloatArgument(x, 'x', opName);
  const kernel = toFloatArgument(filter, 'filter', opName);
  const shapes = `x=${formatShape(input.shape)} filter=${formatShape(kernel.shape)}`;
  if (input.rank !== 3 && input.rank !== 4) {
    throw new ShapeError(`${opName}: x must have rank 4 [batch, height, width, channels] or rank 3, got ${shapes}`);
  }
  if (kernel.rank !== 4) {
    throw new ShapeError(`${opName}: filter must have rank 4 [height, width, inChannels, outChannels], got ${shapes}`);
  }
  if (input.shape[input.rank - 1] !== kernel.shape[2]) {
    throw new ShapeError(`${opName}: input channels must match the filter's in-channels, got ${shapes}`);
  }
  const batchedShape = input.rank === 3 ? [1, ...input.shape] : input.shape;
  const strides = resolvePair(options.strides ?? 1, 'strides', opName);
  const dilations = resolvePair(options.dilations ?? 1, 'dilations', opName);
  const windowSize: [number, number] = [kernel.shape[0], kernel.shape[1]];
  const padding = resolveWindow(
    batchedShape,
    windowSize,
    strides,
    dilations,
    options.padding ?? 'valid',
    opName,
    shapes,
  );
  return runComposed(() => {
    const batched = input.rank === 3 ? reshape(input, batchedShape) : input;
    const output = ENGINE.runKernel('conv2d', { x: batched, filter: kernel }, { strides, dilations, padding });
    return input.rank === 3 ? reshape(output, output.shape.slice(1)) : output;
  });
}
