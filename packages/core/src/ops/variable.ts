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
  const converted = toTensor(initial, 'initial', 'variable');
  const value =
    options.dtype !== undefined && options.dtype !== converted.dtype ? cast(converted, options.dtype) : converted;
  try {
    return new Variable(value, options.trainable ?? true, options.name ?? `variable_${unnamedCount++}`);
  } finally {
    // The variable holds its own reference to the buffer; temporaries made here are not the caller's to free.
    if (value !== initial) value.dispose();
    if (converted !== initial && converted !== value) converted.dispose();
  }
}
