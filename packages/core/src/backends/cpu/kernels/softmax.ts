import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { columnMaxima } from './column-maxima';
import { softmaxLayout } from './softmax-layout';

/**
 * Numerically stable softmax along any axis: exp(x - max) / Σ exp(x - max), so large logits cannot overflow.
 * The tensor is viewed as [outer, axis, inner]; running maxima and sums for a whole inner row are kept in scratch
 * so every pass reads memory contiguously, whichever axis is reduced.
 */
export function createSoftmaxKernel(storage: CpuStorage): KernelFunction<'softmax'> {
  let maxima = new Float64Array(0);
  let sums = new Float64Array(0);
  return ({ logits }, { axis }) => {
    const { outer, axisSize, inner } = softmaxLayout(logits.shape, axis);
    const output = storage.allocate(logits.shape, 'float32');
    const out = output.values;
    const x = storage.values(logits as TensorInfo & { dtype: 'float32' });
    if (maxima.length < inner) {
      maxima = new Float64Array(inner);
      sums = new Float64Array(inner);
    }
    const block = axisSize * inner;
    for (let outerIndex = 0; outerIndex < outer; outerIndex++) {
      const base = outerIndex * block;
      columnMaxima(x, base, axisSize, inner, maxima);
      sums.fill(0, 0, inner);
      for (let position = 0; position < axisSize; position++) {
        const row = base + position * inner;
        for (let index = 0; index < inner; index++) {
          const value = Math.exp(x[row + index] - maxima[index]);
          out[row + index] = value;
          sums[index] += value;
        }
      }
      for (let index = 0; index < inner; index++) sums[index] = 1 / sums[index];
      for (let position = 0; position < axisSize; position++) {
        const row = base + position * inner;
        for (let index = 0; index < inner; index++) out[row + index] *= sums[index];
      }
    }
    return output.info;
  };
}
