import { ENGINE } from '../../engine/engine';
import { DTypeError } from '../../errors';
import type { Tensor } from '../../tensor';
import type { TensorLike } from '../tensor-like';
import { toTensor } from './to-tensor';

/**
 * Argument `argumentName` of a neural-network op, which computes in float32: int32 is converted (as tfjs does),
 * bool is refused.
 */
export function toFloatArgument(value: Tensor | TensorLike, argumentName: string, opName: string): Tensor {
  const input = toTensor(value, argumentName, opName);
  if (input.dtype === 'float32') return input;
  if (input.dtype === 'bool') {
    throw new DTypeError(`${opName}: argument '${argumentName}' must be a float32 or int32 tensor, got bool`);
  }
  return ENGINE.runKernel('cast', { x: input }, { dtype: 'float32' });
}
