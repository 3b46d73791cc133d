import type { KernelFunction } from '../../../backend/backend-definition';
import type { TypedArray } from '../../../dtype';
import { sizeFromShape } from '../../../util/shape';
import type { CpuStorage } from '../cpu-storage';

/**
 * Whether `value` replaces `best` as the extreme so far. Only a strictly better value or the first NaN does, so
 * ties keep the first index and NaN counts as the extreme (NumPy and PyTorch semantics, consistent with max/min
 * propagating NaN). tfjs's CPU backend differs: it ignores NaN unless it is the first element.
 */
function beatsMaximum(value: number, best: number): boolean {
  return value > best || (value !== value && best === best);
}

function beatsMinimum(value: number, best: number): boolean {
  return value < best || (value !== value && best === best);
}

/** argMax/argMin over contiguous runs: [outer, axisSize] with the axis innermost. */
function argReduceRuns(
  x: TypedArray,
  out: Int32Array,
  axisSize: number,
  beats: (value: number, best: number) => boolean,
): void {
  for (let run = 0; run < out.length; run++) {
    const offset = run * axisSize;
    let best = x[offset];
    let bestIndex = 0;
    for (let position = 1; position < axisSize; position++) {
      const value = x[offset + position];
      if (beats(value, best)) {
        best = value;
        bestIndex = position;
      }
    }
    out[run] = bestIndex;
  }
}

/** [outer, axisSize, inner] with inner > 1: sweep whole rows so that reads stay contiguous. */
function argReduceStrided(
  x: TypedArray,
  out: Int32Array,
  outer: number,
  axisSize: number,
  inner: number,
  beats: (value: number, best: number) => boolean,
): void {
  const best = new Float64Array(inner);
  for (let block = 0; block < outer; block++) {
    const blockOffset = block * axisSize * inner;
    const outputOffset = block * inner;
    for (let column = 0; column < inner; column++) best[column] = x[blockOffset + column];
    for (let position = 1; position < axisSize; position++) {
      const rowOffset = blockOffset + position * inner;
      for (let column = 0; column < inner; column++) {
        const value = x[rowOffset + column];
        if (beats(value, best[column])) {
          best[column] = value;
          out[outputOffset + column] = position;
        }
      }
    }
  }
}

/** Index of the first maximum (or minimum) along `axis`; int32 output without that axis. */
export function createArgReduceKernel(storage: CpuStorage): KernelFunction<'argReduce'> {
  return ({ x }, { op, axis }) => {
    const outputShape = x.shape.filter((_dimension, index) => index !== axis);
    const output = storage.allocate(outputShape, 'int32');
    const axisSize = x.shape[axis] ?? 1;
    // An empty axis has no extreme; the op layer rejects it, and index 0 (the zero-filled output) is left.
    if (output.values.length === 0 || axisSize === 0) return output.info;
    const outer = sizeFromShape(x.shape.slice(0, axis));
    const inner = sizeFromShape(x.shape.slice(axis + 1));
    const beats = op === 'argMax' ? beatsMaximum : beatsMinimum;
    const input = storage.values(x);
    if (inner === 1) argReduceRuns(input, output.values, axisSize, beats);
    else argReduceStrided(input, output.values, outer, axisSize, inner, beats);
    return output.info;
  };
}
