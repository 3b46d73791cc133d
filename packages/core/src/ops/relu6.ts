import { DTypeError } from '../errors';
import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { minimum } from './minimum';
import { relu } from './relu';
import type { TensorLike } from './tensor-like';

/**
 * Element-wise min(max(x, 0), 6); int32 stays int32. The gradient is dy for 0 < x ≤ 6 and 0 elsewhere, as tfjs:
 * relu passes it where x > 0 and minimum where relu(x) ≤ 6.
 */
export function relu6(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'relu6');
    if (input.dtype === 'bool')
      throw new DTypeError(`relu6: expected a float32 or int32 tensor, got bool (cast it first)`);
    return minimum(relu(input), 6);
  });
}
