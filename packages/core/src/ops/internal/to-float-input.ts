import { ENGINE } from '../../engine/engine';
import { DTypeError } from '../../errors';
import type { Tensor } from '../../tensor';
import type { TensorLike } from '../tensor-like';
import { toTensor } from './to-tensor';

/**
 * The input of a float activation (elu, gelu, ...): int32 is converted to float32, bool is refused as by the
 * unary kernels. tfjs keeps int32 for some of these and truncates the result; a float answer is the useful one.
 */
export function toFloatInput(value: Tensor | TensorLike, opName: string): Tensor {
  const x = toTensor(value, 'x', opName);
  if (x.dtype === 'bool')
    throw new DTypeError(`${opName}: expected a float32 or int32 tensor, got bool (cast it first)`);
  return x.dtype === 'float32' ? x : ENGINE.runKernel('cast', { x }, { dtype: 'float32' });
}
