import { type DType, isDType } from '../dtype';
import { ENGINE } from '../engine/engine';
import { DTypeError } from '../errors';
import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Converts to another dtype: float → int32 truncates toward zero, anything → bool is `value != 0`. */
export function cast(x: Tensor | TensorLike, dtype: DType): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'cast');
    if (!isDType(dtype)) throw new DTypeError(`cast: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`);
    if (input.dtype === dtype) return ENGINE.runKernel('reshape', { x: input }, { shape: [...input.shape] });
    return ENGINE.runKernel('cast', { x: input }, { dtype });
  });
}
