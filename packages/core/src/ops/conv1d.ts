import { ENGINE } from '../engine/engine';
import { InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import type { Padding2d } from './internal/resolve-padding';
import { resolveWindow } from './internal/resolve-window';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';

export interface Conv1dOptions {
  /** Step between windows. Default 1. */
  stride?: number;
  /**
   * 'same', 'valid' (default), 'causal' (only on the left, so output t sees inputs ≤ t, as Keras), a number for
   * both ends, or `[left, right]`.
   */
  padding?: 'same' | 'valid' | 'causal' | number | readonly [number, number];
  /** Spacing between filter taps. Default 1. */
  dilation?: number;
}

/**
 * 1-D convolution of an NWC input `x` (`[batch, width, inChannels]`, or without the batch axis) with a
 * `[filterWidth, inChannels, outChannels]` filter: a conv2d over a height-1 image.
 */
export function conv1d(x: Tensor | TensorLike, filter: Tensor | TensorLike, options: Conv1dOptions = {}): Tensor {
  const opName = 'conv1d';
  const input = toFloatArgument(x, 'x', opName);
  const kernel = toFloatArgument(filter, 'filter', opName);
  const shapes = `x=${formatShape(input.shape)} filter=${formatShape(kernel.shape)}`;
  if (input.rank !== 2 && input.rank !== 3) {
    throw new ShapeError(`${opName}: x must have rank 3 [batch, width, channels] or rank 2, got ${shapes}`);
  }
  if (kernel.rank !== 3) {
    throw new ShapeError(`${opName}: filter must have rank 3 [width, inChannels, outChannels], got ${shapes}`);
  }
  if (input.shape[input.rank - 1] !== kernel.shape[1]) {
    throw new ShapeError(`${opName}: input channels must match the filter's in-channels, got ${shapes}`);
  }
  const [batch, width, channels] = input.rank === 2 ? [1, ...input.shape] : input.shape;
  const stride = positiveInteger(options.stride ?? 1, 'stride', opName);
  const dilation = positiveInteger(options.dilation ?? 1, 'dilation', opName);
  const padding = resolveWindow(
    [batch, 1, width, channels],
    [1, kernel.shape[0]],
    [1, stride],
    [1, dilation],
    widthPadding(options.padding ?? 'valid', (kernel.shape[0] - 1) * dilation, opName),
    opName,
    shapes,
  );
  return runComposed(() => {
    const image = reshape(input, [batch, 1, width, channels]);
    const imageFilter = reshape(kernel, [1, ...kernel.shape]);
    const output = ENGINE.runKernel(
      'conv2d',
      { x: image, filter: imageFilter },
      { strides: [1, stride], dilations: [1, dilation], padding },
    );
    const outWidth = output.shape[2];
    return reshape(output, input.rank === 2 ? [outWidth, kernel.shape[2]] : [batch, outWidth, kernel.shape[2]]);
  });
}

/** The 1-D padding forms as their 2-D equivalent on a height-1 image (nothing above or below). */
function widthPadding(padding: NonNullable<Conv1dOptions['padding']>, causalAmount: number, opName: string): Padding2d {
  if (padding === 'same' || padding === 'valid') return padding;
  if (padding === 'causal')
    return [
      [0, 0],
      [causalAmount, 0],
    ];
  if (typeof padding === 'number')
    return [
      [0, 0],
      [padding, padding],
    ];
  if (Array.isArray(padding) && padding.length === 2)
    return [
      [0, 0],
      [padding[0], padding[1]],
    ];
  throw new InvalidArgumentError(
    `${opName}: padding must be 'same', 'valid', 'causal', a non-negative integer or [left, right], got ${JSON.stringify(padding)}`,
  );
}

function positiveInteger(value: number, optionName: string, opName: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${opName}: ${optionName} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}
