/** Direct float64 loops for conv2d and pooling, written from the definitions, for the kernel tests. */
import type { Conv2dAttributes, Pool2dAttributes } from '../../../backend/kernel-specs';

export function referenceConvOutputSize(
  inputShape: readonly number[],
  filterShape: readonly number[],
  attributes: Conv2dAttributes,
): [number, number] {
  const [, inHeight, inWidth] = inputShape;
  const [filterHeight, filterWidth] = filterShape;
  const [top, bottom, left, right] = attributes.padding;
  const dilatedHeight = (filterHeight - 1) * attributes.dilations[0] + 1;
  const dilatedWidth = (filterWidth - 1) * attributes.dilations[1] + 1;
  return [
    Math.floor((inHeight + top + bottom - dilatedHeight) / attributes.strides[0]) + 1,
    Math.floor((inWidth + left + right - dilatedWidth) / attributes.strides[1]) + 1,
  ];
}

/** y[b, i, j, o] = Σ x[b, i·sh - top + p·dh, j·sw - left + q·dw, c] · w[p, q, c, o] over in-bounds taps. */
export function referenceConv2d(
  x: ArrayLike<number>,
  inputShape: readonly number[],
  filter: ArrayLike<number>,
  filterShape: readonly number[],
  attributes: Conv2dAttributes,
): { values: Float64Array; shape: number[] } {
  const [batch, inHeight, inWidth, inChannels] = inputShape;
  const [filterHeight, filterWidth, , outChannels] = filterShape;
  const [outHeight, outWidth] = referenceConvOutputSize(inputShape, filterShape, attributes);
  const values = new Float64Array(batch * outHeight * outWidth * outChannels);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++) {
        for (let o = 0; o < outChannels; o++) {
          let sum = 0;
          for (let p = 0; p < filterHeight; p++) {
            const row = i * attributes.strides[0] - attributes.padding[0] + p * attributes.dilations[0];
            if (row < 0 || row >= inHeight) continue;
            for (let q = 0; q < filterWidth; q++) {
              const column = j * attributes.strides[1] - attributes.padding[2] + q * attributes.dilations[1];
              if (column < 0 || column >= inWidth) continue;
              for (let c = 0; c < inChannels; c++) {
                sum +=
                  x[((b * inHeight + row) * inWidth + column) * inChannels + c] *
                  filter[((p * filterWidth + q) * inChannels + c) * outChannels + o];
              }
            }
          }
          values[((b * outHeight + i) * outWidth + j) * outChannels + o] = sum;
        }
      }
    }
  }
  return { values, shape: [batch, outHeight, outWidth, outChannels] };
}

/** The adjoints of referenceConv2d for an upstream gradient dy, from the same loops with the products reversed. */
export function referenceConv2dGradients(
  x: ArrayLike<number>,
  inputShape: readonly number[],
  filter: ArrayLike<number>,
  filterShape: readonly number[],
  attributes: Conv2dAttributes,
  dy: ArrayLike<number>,
): { dx: Float64Array; dFilter: Float64Array } {
  const [batch, inHeight, inWidth, inChannels] = inputShape;
  const [filterHeight, filterWidth, , outChannels] = filterShape;
  const [outHeight, outWidth] = referenceConvOutputSize(inputShape, filterShape, attributes);
  const dx = new Float64Array(batch * inHeight * inWidth * inChannels);
  const dFilter = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++) {
        for (let o = 0; o < outChannels; o++) {
          const gradient = dy[((b * outHeight + i) * outWidth + j) * outChannels + o];
          for (let p = 0; p < filterHeight; p++) {
            const row = i * attributes.strides[0] - attributes.padding[0] + p * attributes.dilations[0];
            if (row < 0 || row >= inHeight) continue;
            for (let q = 0; q < filterWidth; q++) {
              const column = j * attributes.strides[1] - attributes.padding[2] + q * attributes.dilations[1];
              if (column < 0 || column >= inWidth) continue;
              for (let c = 0; c < inChannels; c++) {
                const xIndex = ((b * inHeight + row) * inWidth + column) * inChannels + c;
                const filterIndex = ((p * filterWidth + q) * inChannels + c) * outChannels + o;
                dx[xIndex] += gradient * filter[filterIndex];
                dFilter[filterIndex] += gradient * x[xIndex];
              }
            }
          }
        }
      }
    }
  }
  return { dx, dFilter };
}

/** Max or valid-element average over each window; for max, also the flat input index of the first maximum. */
export function referencePool2d(
  x: ArrayLike<number>,
  inputShape: readonly number[],
  attributes: Pool2dAttributes,
  kind: 'max' | 'avg',
): { values: Float64Array; shape: number[]; argmax: Int32Array } {
  const [batch, inHeight, inWidth, channels] = inputShape;
  const [poolHeight, poolWidth] = attributes.poolSize;
  const [top, bottom, left, right] = attributes.padding;
  const outHeight = Math.floor((inHeight + top + bottom - poolHeight) / attributes.strides[0]) + 1;
  const outWidth = Math.floor((inWidth + left + right - poolWidth) / attributes.strides[1]) + 1;
  const size = batch * outHeight * outWidth * channels;
  const values = new Float64Array(size);
  const argmax = new Int32Array(size).fill(-1);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++) {
        for (let c = 0; c < channels; c++) {
          let best = Number.NEGATIVE_INFINITY;
          let bestIndex = -1;
          let sum = 0;
          let count = 0;
          for (let p = 0; p < poolHeight; p++) {
            for (let q = 0; q < poolWidth; q++) {
              const row = i * attributes.strides[0] - top + p;
              const column = j * attributes.strides[1] - left + q;
              if (row < 0 || row >= inHeight || column < 0 || column >= inWidth) continue;
              const index = ((b * inHeight + row) * inWidth + column) * channels + c;
              if (x[index] > best) {
                best = x[index];
                bestIndex = index;
              }
              sum += x[index];
              count++;
            }
          }
          const outIndex = ((b * outHeight + i) * outWidth + j) * channels + c;
          values[outIndex] = kind === 'max' ? best : count > 0 ? sum / count : 0;
          argmax[outIndex] = bestIndex;
        }
      }
    }
  }
  return { values, shape: [batch, outHeight, outWidth, channels], argmax };
}

/** Conv cases covering strides 1 and 2, dilation 2, asymmetric padding, 1x1 filters and batch > 1. */
export const convCases: ReadonlyArray<{
  name: string;
  inputShape: number[];
  filterShape: number[];
  attributes: Conv2dAttributes;
}> = [
  {
    name: '3x3 same, stride 1, batch 2',
    inputShape: [2, 5, 6, 3],
    filterShape: [3, 3, 3, 4],
    attributes: { strides: [1, 1], dilations: [1, 1], padding: [1, 1, 1, 1] },
  },
  {
    name: '3x3 valid, stride 2',
    inputShape: [1, 7, 8, 2],
    filterShape: [3, 3, 2, 5],
    attributes: { strides: [2, 2], dilations: [1, 1], padding: [0, 0, 0, 0] },
  },
  {
    name: '3x2 stride 2 with asymmetric padding',
    inputShape: [3, 6, 7, 2],
    filterShape: [3, 2, 2, 3],
    attributes: { strides: [2, 1], dilations: [1, 1], padding: [0, 1, 2, 0] },
  },
  {
    name: '3x3 dilation 2, same padding',
    inputShape: [2, 7, 7, 2],
    filterShape: [3, 3, 2, 3],
    attributes: { strides: [1, 1], dilations: [2, 2], padding: [2, 2, 2, 2] },
  },
  {
    name: '1x1 pointwise, batch 3',
    inputShape: [3, 4, 5, 6],
    filterShape: [1, 1, 6, 7],
    attributes: { strides: [1, 1], dilations: [1, 1], padding: [0, 0, 0, 0] },
  },
  {
    name: '1x1 stride 2',
    inputShape: [2, 5, 5, 3],
    filterShape: [1, 1, 3, 2],
    attributes: { strides: [2, 2], dilations: [1, 1], padding: [0, 0, 0, 0] },
  },
  {
    name: '5x3 stride 2, dilation 1x2, uneven padding',
    inputShape: [4, 15, 13, 5],
    filterShape: [5, 3, 5, 9],
    attributes: { strides: [2, 2], dilations: [1, 2], padding: [2, 1, 0, 3] },
  },
  {
    name: '3x3 same over several im2col chunks',
    inputShape: [2, 32, 32, 16],
    filterShape: [3, 3, 16, 4],
    attributes: { strides: [1, 1], dilations: [1, 1], padding: [1, 1, 1, 1] },
  },
];
