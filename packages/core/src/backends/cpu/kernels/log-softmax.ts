import type { KernelFunction } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { CpuStorage } from '../cpu-storage';
import { columnMaxima } from './column-maxima';
import { softmaxLayout } from './softmax-layout';

/**
 * Numerically stable log-softmax along any axis: x - max - log Σ exp(x - max). Computing it directly (not as
 * log(softmax)) keeps very negative log-probabilities finite instead of rounding them to log(0).
 */
export function createLogSoftmaxKernel(storage: CpuStorage): KernelFunction<'logSoftmax'> {
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
        for (let index = 0; index < inner; index++) sums[index] += Math.exp(x[row + index] - maxima[index]);
      }
      // Reuse `sums` for the per-row offset max + log Σ exp.
      for (let index = 0; index < inner; index++) sums[index] = maxima[index] + Math.log(sums[index]);
      for (let position = 0; position < axisSize; position++) {
        const row = base + position * inner;
        for (let index = 0; index < inner; index++) out[row + index] = x[row + index] - sums[index];
      }
    }
    return output.info;
  };
}
