import type { Tensor } from '../tensor';
import { expm1 } from './expm1';
import { greater } from './greater';
import { runComposed } from './internal/run-composed';
import { toFloatInput } from './internal/to-float-input';
import { minimum } from './minimum';
import type { TensorLike } from './tensor-like';
import { where } from './where';

/**
 * Exponential linear unit: x for x > 0, exp(x) − 1 otherwise (int32 is computed in float32). The negative side
 * sees min(x, 0), so a large positive x never makes the unused expm1 branch Inf, whose masked gradient would be
 * 0·Inf = NaN. The gradient at 0 is 1, as in tfjs.
 */
export function elu(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toFloatInput(x, 'elu');
    return where(greater(input, 0), input, expm1(minimum(input, 0)));
  });
}
