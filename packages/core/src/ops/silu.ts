import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toFloatInput } from './internal/to-float-input';
import { mul } from './mul';
import { sigmoid } from './sigmoid';
import type { TensorLike } from './tensor-like';

/** Sigmoid linear unit (swish), x·sigmoid(x); int32 is computed in float32. */
export function silu(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toFloatInput(x, 'silu');
    return mul(input, sigmoid(input));
  });
}
