import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { add } from './add';
import { clipByValue } from './clip-by-value';
import { erf } from './erf';
import { runComposed } from './internal/run-composed';
import { toFloatInput } from './internal/to-float-input';
import { mul } from './mul';
import { square } from './square';
import { tanh } from './tanh';
import type { TensorLike } from './tensor-like';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/**
 * Beyond this |x| the tanh of the approximation is ±1 in float32 (its argument exceeds 40), so clamping x inside
 * the tanh changes no value but keeps x³ from overflowing to Inf and the gradient from becoming 0·Inf = NaN.
 */
const TANH_SATURATION = 10;

/**
 * Gaussian error linear unit, x·Φ(x) (Hendrycks and Gimpel, 2016). The default is exact: 0.5·x·(1 + erf(x/√2)).
 * `approximate = true` gives the tanh form 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). int32 is computed in float32.
 */
export function gelu(x: Tensor | TensorLike, approximate = false): Tensor {
  const opName = 'gelu';
  if (typeof approximate !== 'boolean') {
    throw new InvalidArgumentError(`${opName}: approximate must be a boolean, got ${String(approximate)}`);
  }
  return runComposed(() => {
    const input = toFloatInput(x, opName);
    const half = mul(input, 0.5);
    if (!approximate) return add(half, mul(half, erf(mul(input, Math.SQRT1_2))));
    const clamped = clipByValue(input, -TANH_SATURATION, TANH_SATURATION);
    const inner = mul(mul(clamped, add(mul(square(clamped), 0.044715), 1)), SQRT_2_OVER_PI);
    return add(half, mul(half, tanh(inner)));
  });
}
