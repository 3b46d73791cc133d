import type { DType } from '../../dtype';
import { InvalidArgumentError } from '../../errors';
import { Tensor } from '../../tensor';
import { tensor } from '../tensor';
import type { TensorLike } from '../tensor-like';

/**
 * Accepts a tensor or tensor-like value for argument `argumentName` of `opName`. Numbers take `dtypeHint`
 * (the other operand's dtype in binary ops), so `add(intTensor, 2)` stays int32.
 */
export function toTensor(value: Tensor | TensorLike, argumentName: string, opName: string, dtypeHint?: DType): Tensor {
  if (value instanceof Tensor) {
    value.assertAlive(`${opName} (argument '${argumentName}')`);
    return value;
  }
  if (value === null || value === undefined) {
    throw new InvalidArgumentError(
      `${opName}: argument '${argumentName}' must be a Tensor or array, got ${String(value)}`,
    );
  }
  if (typeof value === 'number' && dtypeHint === 'int32' && !Number.isInteger(value)) {
    return tensor(value, undefined, 'float32');
  }
  if (typeof value === 'number' && dtypeHint !== undefined && dtypeHint !== 'bool')
    return tensor(value, undefined, dtypeHint);
  if (Array.isArray(value) && dtypeHint === 'int32' && isIntegerArray(value)) return tensor(value, undefined, 'int32');
  return tensor(value);
}

function isIntegerArray(value: readonly unknown[]): boolean {
  return value.every((element) => (Array.isArray(element) ? isIntegerArray(element) : Number.isInteger(element)));
}
