/**
 * Float64 reference implementations of the 2-D pooling kernels (NHWC input, explicit [top, bottom, left, right]
 * padding), written as plain loops independently of core's composites.
 */
import { sizeFromShape } from '../util/shape';
import { forEachTap, type ReferenceResult } from './window-references';

export interface PoolAttributes {
  poolSize: [number, number];
  strides: [number, number];
  padding: [number, number, number, number];
}

/** For each output element, the flat input offset of the first maximum of its window (padding never wins). */
function maxPositions(
  x: ArrayLike<number>,
  xShape: readonly number[],
  attributes: PoolAttributes,
): { positions: Int32Array; shape: number[] } {
  const channels = xShape[3];
  const best: number[] = [];
  const winners: number[] = [];
  const shape = forEachTap(
    xShape,
    attributes.poolSize,
    attributes.strides,
    [1, 1],
    attributes.padding,
    channels,
    (outputOffset, inputOffset) => {
      for (let channel = 0; channel < channels; channel++) {
        const value = x[inputOffset + channel];
        const current = best[outputOffset + channel];
        if (current === undefined || value > current) {
          best[outputOffset + channel] = value;
          winners[outputOffset + channel] = inputOffset + channel;
        }
      }
    },
  );
  return { positions: Int32Array.from({ length: sizeFromShape(shape) }, (_, index) => winners[index]), shape };
}

export function referenceMaxPool2d(
  x: ArrayLike<number>,
  xShape: readonly number[],
  attributes: PoolAttributes,
): ReferenceResult {
  const { positions, shape } = maxPositions(x, xShape, attributes);
  return { values: Float64Array.from(positions, (position) => x[position]), shape };
}

export function referenceMaxPool2dBackward(
  dy: ArrayLike<number>,
  x: ArrayLike<number>,
  xShape: readonly number[],
  attributes: PoolAttributes,
): ReferenceResult {
  const { positions } = maxPositions(x, xShape, attributes);
  const values = new Float64Array(sizeFromShape(xShape));
  positions.forEach((position, index) => {
    values[position] += dy[index];
  });
  return { values, shape: [...xShape] };
}

/** Counts of the unpadded elements of each output window (one per output position). */
function windowCounts(xShape: readonly number[], attributes: PoolAttributes): { counts: number[]; shape: number[] } {
  const counts: number[] = [];
  const shape = forEachTap(
    xShape,
    attributes.poolSize,
    attributes.strides,
    [1, 1],
    attributes.padding,
    xShape[3],
    (_outputOffset, _inputOffset, _tap, outputPosition) => {
      counts[outputPosition] = (counts[outputPosition] ?? 0) + 1;
    },
  );
  return { counts, shape };
}

export function referenceAvgPool2d(
  x: ArrayLike<number>,
  xShape: readonly number[],
  attributes: PoolAttributes,
): ReferenceResult {
  const channels = xShape[3];
  const { counts } = windowCounts(xShape, attributes);
  const sums: Array<[number, number, number]> = [];
  const shape = forEachTap(
    xShape,
    attributes.poolSize,
    attributes.strides,
    [1, 1],
    attributes.padding,
    channels,
    (outputOffset, inputOffset, _tap, outputPosition) => sums.push([outputOffset, inputOffset, outputPosition]),
  );
  const values = new Float64Array(sizeFromShape(shape));
  for (const [outputOffset, inputOffset, outputPosition] of sums) {
    for (let channel = 0; channel < channels; channel++) {
      values[outputOffset + channel] += x[inputOffset + channel] / counts[outputPosition];
    }
  }
  return { values, shape };
}

export function referenceAvgPool2dBackward(
  dy: ArrayLike<number>,
  inputShape: readonly number[],
  attributes: PoolAttributes,
): ReferenceResult {
  const channels = inputShape[3];
  const { counts } = windowCounts(inputShape, attributes);
  const values = new Float64Array(sizeFromShape(inputShape));
  forEachTap(
    inputShape,
    attributes.poolSize,
    attributes.strides,
    [1, 1],
    attributes.padding,
    channels,
    (outputOffset, inputOffset, _tap, outputPosition) => {
      for (let channel = 0; channel < channels; channel++) {
        values[inputOffset + channel] += dy[outputOffset + channel] / counts[outputPosition];
      }
    },
  );
  return { values, shape: [...inputShape] };
}
