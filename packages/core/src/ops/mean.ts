import type { Tensor } from '../tensor';
import { normalizeAxes } from '../util/shape';
import { div } from './div';
import { runComposed } from './internal/run-composed';
import { toFloat } from './internal/to-float';
import { toTensor } from './internal/to-tensor';
import { sum } from './sum';
import type { TensorLike } from './tensor-like';

/**
 * Arithmetic mean over `axis` (all axes by default; negative axes count from the end). The result is float32
 * for every input dtype, as in tfjs; the mean of an empty group is NaN (0/0), where tfjs answers 0.
 */
export function mean(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  const input = toTensor(x, 'x', 'mean');
  const axes = normalizeAxes(axis, input.rank, 'mean');
  const count = axes.reduce((product, reducedAxis) => product * input.shape[reducedAxis], 1);
  return runComposed(() => div(sum(toFloat(input), axes, keepDims), count));
}
