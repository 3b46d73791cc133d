import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { greater } from './greater';
import { runComposed } from './internal/run-composed';
import { toFloatInput } from './internal/to-float-input';
import { mul } from './mul';
import type { TensorLike } from './tensor-like';
import { where } from './where';

/**
 * Element-wise x for x > 0 and alpha·x otherwise; int32 gives float32, as in tfjs. The gradient is dy for x > 0
 * and alpha·dy for x ≤ 0 (tfjs also takes the alpha side at 0).
 */
export function leakyRelu(x: Tensor | TensorLike, alpha = 0.2): Tensor {
  const opName = 'leakyRelu';
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw new InvalidArgumentError(`${opName}: alpha must be a finite number, got ${String(alpha)}`);
  }
  return runComposed(() => {
    const input = toFloatInput(x, opName);
    return where(greater(input, 0), input, mul(input, alpha));
  });
}
