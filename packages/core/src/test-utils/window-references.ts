/**
 * Float64 reference implementations of the 2-D convolution kernels (NHWC input, HWIO filter, explicit
 * [top, bottom, left, right] padding), written as plain loops independently of core's composites. Tests use
 * them for finite differences, and window-test-backends.ts wraps them as a backend's native kernels.
 */
import { sizeFromShape } from '../util/shape';

export interface ConvolutionAttributes {
  strides: [number, number];
  dilations: [number, number];
  /** [top, bottom, left, right] */
  padding: [number, number, number, number];
}

export interface ReferenceResult {
  values: Float64Array;
  shape: number[];
}

/** TensorFlow's 'same' padding for one spatial axis: [before, after]. */
export function samePaddingReference(size: number, window: number, stride: number, dilation = 1): [number, number] {
  const span = (window - 1) * dilation + 1;
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + span - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

function outputSize(
  size: number,
  window: number,
  stride: number,
  dilation: number,
  before: number,
  after: number,
): number {
  return Math.floor((size + before + after - ((window - 1) * dilation + 1)) / stride) + 1;
}

/**
 * Calls `visit` for every (output position, window tap) whose input position lies inside the unpadded input,
 * with flat NHWC offsets of the output (channel 0) and input (channel 0) positions and the tap's index.
 */
export function forEachTap(
  inputShape: readonly number[],
  window: [number, number],
  strides: [number, number],
  dilations: [number, number],
  padding: [number, number, number, number],
  outChannels: number,
  visit: (outputOffset: number, inputOffset: number, tap: number, outputPosition: number) => void,
): number[] {
  const [batch, height, width, channels] = inputShape;
  const outHeight = outputSize(height, window[0], strides[0], dilations[0], padding[0], padding[1]);
  const outWidth = outputSize(width, window[1], strides[1], dilations[1], padding[2], padding[3]);
  for (let n = 0; n < batch; n++) {
    for (let outRow = 0; outRow < outHeight; outRow++) {
      for (let outColumn = 0; outColumn < outWidth; outColumn++) {
        const outputPosition = (n * outHeight + outRow) * outWidth + outColumn;
        for (let windowRow = 0; windowRow < window[0]; windowRow++) {
          const row = outRow * strides[0] + windowRow * dilations[0] - padding[0];
          if (row < 0 || row >= height) continue;
          for (let windowColumn = 0; windowColumn < window[1]; windowColumn++) {
            const column = outColumn * strides[1] + windowColumn * dilations[1] - padding[2];
            if (column < 0 || column >= width) continue;
            visit(
              outputPosition * outChannels,
              ((n * height + row) * width + column) * channels,
              windowRow * window[1] + windowColumn,
              outputPosition,
            );
          }
        }
      }
    }
  }
  return [batch, outHeight, outWidth, outChannels];
}

export function referenceConv2d(
  x: ArrayLike<number>,
  xShape: readonly number[],
  filter: ArrayLike<number>,
  filterShape: readonly number[],
  attributes: ConvolutionAttributes,
): ReferenceResult {
  const [filterHeight, filterWidth, inChannels, outChannels] = filterShape;
  const outputs: Array<[number, number, number]> = [];
  const shape = forEachTap(
    xShape,
    [filterHeight, filterWidth],
    attributes.strides,
    attributes.dilations,
    attributes.padding,
    outChannels,
    (outputOffset, inputOffset, tap) => outputs.push([outputOffset, inputOffset, tap]),
  );
  const values = new Float64Array(sizeFromShape(shape));
  for (const [outputOffset, inputOffset, tap] of outputs) {
    for (let inChannel = 0; inChannel < inChannels; inChannel++) {
      const input = x[inputOffset + inChannel];
      const filterOffset = (tap * inChannels + inChannel) * outChannels;
      for (let outChannel = 0; outChannel < outChannels; outChannel++) {
        values[outputOffset + outChannel] += input * filter[filterOffset + outChannel];
      }
    }
  }
  return { values, shape };
}

export function referenceConv2dBackpropInput(
  dy: ArrayLike<number>,
  filter: ArrayLike<number>,
  filterShape: readonly number[],
  inputShape: readonly number[],
  attributes: ConvolutionAttributes,
): ReferenceResult {
  const [filterHeight, filterWidth, inChannels, outChannels] = filterShape;
  const values = new Float64Array(sizeFromShape(inputShape));
  forEachTap(
    inputShape,
    [filterHeight, filterWidth],
    attributes.strides,
    attributes.dilations,
    attributes.padding,
    outChannels,
    (outputOffset, inputOffset, tap) => {
      for (let inChannel = 0; inChannel < inChannels; inChannel++) {
        const filterOffset = (tap * inChannels + inChannel) * outChannels;
        for (let outChannel = 0; outChannel < outChannels; outChannel++) {
          values[inputOffset + inChannel] += dy[outputOffset + outChannel] * filter[filterOffset + outChannel];
        }
      }
    },
  );
  return { values, shape: [...inputShape] };
}

export function referenceConv2dBackpropFilter(
  x: ArrayLike<number>,
  xShape: readonly number[],
  dy: ArrayLike<number>,
  filterShape: readonly number[],
  attributes: ConvolutionAttributes,
): ReferenceResult {
  const [filterHeight, filterWidth, inChannels, outChannels] = filterShape;
  const values = new Float64Array(sizeFromShape(filterShape));
  forEachTap(
    xShape,
    [filterHeight, filterWidth],
    attributes.strides,
    attributes.dilations,
    attributes.padding,
    outChannels,
    (outputOffset, inputOffset, tap) => {
      for (let inChannel = 0; inChannel < inChannels; inChannel++) {
        const filterOffset = (tap * inChannels + inChannel) * outChannels;
        for (let outChannel = 0; outChannel < outChannels; outChannel++) {
          values[filterOffset + outChannel] += x[inputOffset + inChannel] * dy[outputOffset + outChannel];
        }
      }
    },
  );
  return { values, shape: [...filterShape] };
}

/** Depthwise: output channel c·multiplier + m reads input channel c through filter [.., .., c, m]. */
export function referenceDepthwiseConv2d(
  x: ArrayLike<number>,
  xShape: readonly number[],
  filter: ArrayLike<number>,
  filterShape: readonly number[],
  attributes: ConvolutionAttributes,
): ReferenceResult {
  const [filterHeight, filterWidth, channels, multiplier] = filterShape;
  const outputs: Array<[number, number, number]> = [];
  const shape = forEachTap(
    xShape,
    [filterHeight, filterWidth],
    attributes.strides,
    attributes.dilations,
    attributes.padding,
    channels * multiplier,
    (outputOffset, inputOffset, tap) => outputs.push([outputOffset, inputOffset, tap]),
  );
  const values = new Float64Array(sizeFromShape(shape));
  for (const [outputOffset, inputOffset, tap] of outputs) {
    for (let channel = 0; channel < channels; channel++) {
      for (let m = 0; m < multiplier; m++) {
        values[outputOffset + channel * multiplier + m] +=
          x[inputOffset + channel] * filter[(tap * channels + channel) * multiplier + m];
      }
    }
  }
  return { values, shape };
}
