import type { Conv2dAttributes, KernelFunction } from '@tessera/core/backend';
import type { KernelEnvironment } from '../kernel-environment';
import { dispatchTiledProduct } from './matmul';

/*
 * NHWC × HWIO convolution and both gradients, each as one tiled product (kernels/matmul.ts) whose operands are
 * read in place through custom loaders: nothing like an im2col matrix is materialized, and the input gradient is
 * a gather, so no atomics are needed and results are deterministic. The loaders read the geometry from params 10
 * on: [batch, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth,
 * strideHeight, strideWidth, dilationHeight, dilationWidth, padTop, padLeft].
 */

/**
 * The body of the tiled product's `load_a` for convolutions: element (pixel, tap) of the im2col matrix (pixel =
 * (image, outRow, outColumn), tap = (filterRow, filterColumn, inChannel)), read from x in place, 0 in the padding.
 */
function patchLoader(pixel: string, tap: string): string {
  return `let pixel = ${pixel};
  let tap = ${tap};
  let in_channels = params[13];
  let in_channel = tap % in_channels;
  let filter_column = (tap / in_channels) % params[18];
  let filter_row = tap / (in_channels * params[18]);
  let out_column = pixel % params[15];
  let out_row = (pixel / params[15]) % params[14];
  let image = pixel / (params[15] * params[14]);
  let in_row = i32(out_row * params[19] + filter_row * params[21]) - i32(params[23]);
  let in_column = i32(out_column * params[20] + filter_column * params[22]) - i32(params[24]);
  if (in_row < 0 || in_row >= i32(params[11]) || in_column < 0 || in_column >= i32(params[12])) { return 0.0; }
  return a_values[((image * params[11] + u32(in_row)) * params[12] + u32(in_column)) * in_channels + in_channel];`;
}

function convParams(
  inputShape: readonly number[],
  filterShape: readonly number[],
  attributes: Conv2dAttributes,
): number[] {
  const [batch, inHeight, inWidth, inChannels] = inputShape;
  const [filterHeight, filterWidth, , outChannels] = filterShape;
  const [strideHeight, strideWidth] = attributes.strides;
  const [dilationHeight, dilationWidth] = attributes.dilations;
  const [padTop, padBottom, padLeft, padRight] = attributes.padding;
  const outHeight = Math.max(
    0,
    Math.floor((inHeight + padTop + padBottom - ((filterHeight - 1) * dilationHeight + 1)) / strideHeight) + 1,
  );
  const outWidth = Math.max(
    0,
    Math.floor((inWidth + padLeft + padRight - ((filterWidth - 1) * dilationWidth + 1)) / strideWidth) + 1,
  );
  return [
    0,
    batch,
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    filterHeight,
    filterWidth,
    strideHeight,
    strideWidth,
    dilationHeight,
    dilationWidth,
    padTop,
    padLeft,
  ];
}

/**
 * The input gradient's A operand: dx [inputPixels, inChannels] = A [inputPixels, (filterRow, filterColumn,
 * outChannel)] × B [(filterRow, filterColumn, outChannel), inChannels], where A holds the dy element that filter tap
 * connects to the input pixel (0 where none does: padding, or a position between strides).
 */
const INPUT_GRADIENT_LOAD_A = `let out_channels = params[16];
  let out_channel = inner % out_channels;
  let filter_column = (inner / out_channels) % params[18];
  let filter_row = inner / (out_channels * params[18]);
  let column = row % params[12];
  let input_row = (row / params[12]) % params[11];
  let image = row / (params[12] * params[11]);
  let shifted_row = i32(input_row + params[23]) - i32(filter_row * params[21]);
  let shifted_column = i32(column + params[24]) - i32(filter_column * params[22]);
  if (shifted_row < 0 || shifted_column < 0) { return 0.0; }
  if (u32(shifted_row) % params[19] != 0u || u32(shifted_column) % params[20] != 0u) { return 0.0; }
  let out_row = u32(shifted_row) / params[19];
  let out_column = u32(shifted_column) / params[20];
  if (out_row >= params[14] || out_column >= params[15]) { return 0.0; }
  return a_values[((image * params[14] + out_row) * params[15] + out_column) * out_channels + out_channel];`;

/** The input gradient's B operand: filter[filterRow, filterColumn, inChannel, outChannel] at (tap, inChannel). */
const INPUT_GRADIENT_LOAD_B = `let out_channels = params[16];
  let filter_position = inner / out_channels;
  return b_values[(filter_position * params[13] + column) * out_channels + inner % out_channels];`;

/** conv2d as a tiled product: im2col(x) [pixels, taps] × filter [taps, outChannels], im2col read in place. */
export function createConv2dKernel(environment: KernelEnvironment): KernelFunction<'conv2d'> {
  return ({ x, filter }, attributes) => {
    const params = convParams(x.shape, filter.shape, attributes);
    const [, batch, , , inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth] = params;
    return dispatchTiledProduct(environment, {
      key: 'conv2d',
      loadA: patchLoader('row', 'inner'),
      a: x,
      b: filter,
      bStrides: [outChannels, 1],
      outputShape: [batch, outHeight, outWidth, outChannels],
      m: batch * outHeight * outWidth,
      n: outChannels,
      k: filterHeight * filterWidth * inChannels,
      geometry: params.slice(1),
    });
  };
}

/** The input gradient as a tiled product (see INPUT_GRADIENT_LOAD_A): a gather, so no atomics are needed. */
export function createConv2dBackpropInputKernel(environment: KernelEnvironment): KernelFunction<'conv2dBackpropInput'> {
  return ({ dy, filter }, attributes) => {
    const params = convParams(attributes.inputShape, filter.shape, attributes);
    const [, batch, inHeight, inWidth, inChannels, , , outChannels, filterHeight, filterWidth] = params;
    return dispatchTiledProduct(environment, {
      key: 'conv2dBackpropInput',
      loadA: INPUT_GRADIENT_LOAD_A,
      loadB: INPUT_GRADIENT_LOAD_B,
      a: dy,
      b: filter,
      bStrides: [0, 0],
      outputShape: attributes.inputShape,
      m: batch * inHeight * inWidth,
      n: inChannels,
      k: filterHeight * filterWidth * outChannels,
      geometry: params.slice(1),
    });
  };
}

/** The filter gradient as a tiled product: im2col(x)ᵀ [taps, pixels] × dy [pixels, outChannels]. */
export function createConv2dBackpropFilterKernel(
  environment: KernelEnvironment,
): KernelFunction<'conv2dBackpropFilter'> {
  return ({ x, dy }, attributes) => {
    const params = convParams(x.shape, attributes.filterShape, attributes);
    const [, batch, , , inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth] = params;
    return dispatchTiledProduct(environment, {
      key: 'conv2dBackpropFilter',
      loadA: patchLoader('inner', 'row'),
      a: x,
      b: dy,
      bStrides: [outChannels, 1],
      outputShape: attributes.filterShape,
      m: filterHeight * filterWidth * inChannels,
      n: outChannels,
      k: batch * outHeight * outWidth,
      geometry: params.slice(1),
    });
  };
}
