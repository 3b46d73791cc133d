import type { Tensor } from '../tensor';
import { add } from './add';
import { exp } from './exp';
import { greater } from './greater';
import { runComposed } from './internal/run-composed';
import { toFloatInput } from './internal/to-float-input';
import { log1p } from './log1p';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { neg } from './neg';
import type { TensorLike } from './tensor-like';
import { where } from './where';

/**
 * log(1 + exp(x)), computed stably as max(x, 0) + log1p(exp(−|x|)) (int32 is computed in float32).
 *
 * Written literally with relu and abs, the gradient at x = 0 would be 0 (both kinks take their 0 side) instead of
 * sigmoid(0) = 1/2. So each sign gets its own smooth branch, x + log1p(exp(−x)) for x > 0 and log1p(exp(x))
 * otherwise, and each branch sees its input clamped to its own side, keeping the unused branch finite.
 */
export function softplus(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toFloatInput(x, 'softplus');
    const positive = maximum(input, 0);
    const negative = minimum(input, 0);
    const positiveBranch = add(positive, log1p(exp(neg(positive))));
    const negativeBranch = log1p(exp(negative));
    return where(greater(input, 0), positiveBranch, negativeBranch);
  });
}
