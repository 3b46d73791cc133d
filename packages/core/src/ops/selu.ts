import type { Tensor } from '../tensor';
import { expm1 } from './expm1';
import { greater } from './greater';
import { runComposed } from './internal/run-composed';
import { toFloatInput } from './internal/to-float-input';
import { minimum } from './minimum';
import { mul } from './mul';
import type { TensorLike } from './tensor-like';
import { where } from './where';

/** The self-normalizing constants of Klambauer et al., "Self-Normalizing Neural Networks" (2017). */
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * Scaled exponential linear unit: scale·x for x > 0, scale·alpha·(exp(x) − 1) otherwise (int32 is computed in
 * float32). As in `elu`, the exponential only sees min(x, 0), so gradients stay finite for large x.
 */
export function selu(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toFloatInput(x, 'selu');
    const negativeSide = mul(expm1(minimum(input, 0)), SELU_SCALE * SELU_ALPHA);
    return where(greater(input, 0), mul(input, SELU_SCALE), negativeSide);
  });
}
