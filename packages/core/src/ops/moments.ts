import type { Tensor } from '../tensor';
import { normalizeAxes } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { keptShape } from './internal/run-reduce';
import { toFloat } from './internal/to-float';
import { toTensor } from './internal/to-tensor';
import { mean } from './mean';
import { reshape } from './reshape';
import { square } from './square';
import { sub } from './sub';
import type { TensorLike } from './tensor-like';

export interface Moments {
  mean: Tensor;
  /** Population variance (divided by N). */
  variance: Tensor;
}

/** Mean and population variance over `axes` (all axes by default), sharing one mean; both float32, as tfjs. */
export function moments(x: Tensor | TensorLike, axes?: number | number[] | null, keepDims = false): Moments {
  const input = toTensor(x, 'x', 'moments');
  const normalizedAxes = normalizeAxes(axes, input.rank, 'moments');
  return runComposed(() => {
    const values = toFloat(input);
    const keptMean = mean(values, normalizedAxes, true);
    const varianceValue = mean(square(sub(values, keptMean)), normalizedAxes, keepDims);
    const reducedShape = input.shape.filter((_, axis) => !normalizedAxes.includes(axis));
    return {
      mean: keepDims ? reshape(keptMean, keptShape(input.shape, normalizedAxes)) : reshape(keptMean, reducedShape),
      variance: varianceValue,
    };
  });
}
