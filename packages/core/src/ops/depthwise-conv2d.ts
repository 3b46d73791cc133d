import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { formatShape } from '../util/shape';
import { extractWindows } from './internal/extract-windows';
import type { Padding2d } from './internal/resolve-padding';
import { resolvePair } from './internal/resolve-pair';
import { resolveWindow } from './internal/resolve-window';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import { windowGeometry } from './internal/window-geometry';
import { matmul } from './matmul';
import { reshape } from './reshape';
import type { TensorLike } from './tensor-like';
import { transpose } from './transpose';

export interface DepthwiseConv2dOptions {
  strides?: number | [number, number];
  /** 'same', 'valid' (default), a number for every side, or `[[top, bottom], [left, right]]`. */
  padding?: Padding2d;
  dilations?: number | [number, number];
}

/**
 * Convolves each input channel with its own `multiplier` filters: `x` is NHWC (or without the batch axis),
 * `filter` is `[filterHeight, filterWidth, inChannels, multiplier]`, and output channel `c·multiplier + m`
 * comes from input channel c and filter m, as in tfjs.
 */
export function depthwiseConv2d(
  x: Tensor | TensorLike,
  filter: Tensor | TensorLike,
  options: DepthwiseConv2dOptions = {},
): Tensor {
  const opName = 'depthwiseConv2d';
  const input = toFloatArgument(x, 'x', opName);
  const kernel = toFloatArgument(filter, 'filter', opName);
  const shapes = `x=${formatShape(input.shape)} filter=${formatShape(kernel.shape)}`;
  if (input.rank !== 3 && input.rank !== 4) {
    throw new ShapeError(`${opName}: x must have rank 4 [batch, height, width, channels] or rank 3, got ${shapes}`);
  }
  if (kernel.rank !== 4) {
    throw new ShapeError(`${opName}: filter must have rank 4 [height, width, inChannels, multiplier], got ${shapes}`);
  }
  if (input.shape[input.rank - 1] !== kernel.shape[2]) {
    throw new ShapeError(`${opName}: input channels must match the filter's in-channels, got ${shapes}`);
  }
  const batchedShape = input.rank === 3 ? [1, ...input.shape] : input.shape;
  const strides = resolvePair(options.strides ?? 1, 'strides', opName);
  const dilations = resolvePair(options.dilations ?? 1, 'dilations', opName);
  const [filterHeight, filterWidth, channels, multiplier] = kernel.shape;
  const windowSize: [number, number] = [filterHeight, filterWidth];
  const padding = resolveWindow(
    batchedShape,
    windowSize,
    strides,
    dilations,
    options.padding ?? 'valid',
    opName,
    shapes,
  );
  const geometry = windowGeometry(batchedShape, windowSize, strides, dilations, padding);
  const { batch, outHeight, outWidth } = geometry;
  const rowCount = batch * outHeight * outWidth;
  const taps = filterHeight * filterWidth;
  return runComposed(() => {
    const batched = input.rank === 3 ? reshape(input, batchedShape) : input;
    // One small matmul per channel, batched over the channel axis: [C, rows, taps] × [C, taps, multiplier].
    const windows = transpose(extractWindows(batched, geometry, 0), [3, 0, 1, 2]);
    const channelFilters = transpose(reshape(kernel, [taps, channels, multiplier]), [1, 0, 2]);
    const product = matmul(reshape(windows, [channels, rowCount, taps]), channelFilters);
    const output = reshape(transpose(product, [1, 0, 2]), [batch, outHeight, outWidth, channels * multiplier]);
    return input.rank === 3 ? reshape(output, output.shape.slice(1)) : output;
  });
}
