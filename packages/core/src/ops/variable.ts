import type { DType } from '../dtype';
import type { Tensor } from '../tensor';
import { Variable } from '../variable';
import { cast } from './cast';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

export interface VariableOptions {
  trainable?: boolean;
  /** Unique; generated when omitted. Optimizers and saved weights refer to variables by name. */
  name?: string;
  dtype?: DType;
}

let unnamedCount = 0;

/** Creates a `Variable` holding a copy of `initial`'s value. */
export function variable(initial: Tensor | TensorLike, options: VariableOptions = {}): Variable {
  let value = toTensor(initial, 'initial', 'variable');
  if (options.dtype !== undefined && options.dtype !== value.dtype) value = cast(value, options.dtype);
  return new Variable(value, options.trainable ?? true, options.name ?? `variable_${unnamedCount++}`);
}
