import type { Tensor } from '../tensor';
import { normalizeAxes } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toFloat } from './internal/to-float';
import { toTensor } from './internal/to-tensor';
import { mean } from './mean';
import { square } from './square';
import { sub } from './sub';
import type { TensorLike } from './tensor-like';

/**
 * Population variance (divides by N, as tfjs's `moments`) over `axis`, all axes by default. Centred before
 * squaring, which avoids the cancellation of E[x²] − E[x]² for data far from zero. Always float32.
 */
export function variance(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  const input = toTensor(x, 'x', 'variance');
  const axes = normalizeAxes(axis, input.rank, 'variance');
  return runComposed(() => {
    const values = toFloat(input);
    const centered = sub(values, mean(values, axes, true));
    return mean(square(centered), axes, keepDims);
  });
}
