import type { KernelFunction } from '../../../backend/backend-definition';
import type { CpuStorage } from '../cpu-storage';

/**
 * Converts between dtypes. To bool: value !== 0 (so NaN is true, as in NumPy and tfjs). From bool: 0/1. To
 * int32: the typed-array store truncates toward zero and maps NaN and ±Infinity to 0, like tfjs's Int32Array.from;
 * finite values outside the int32 range wrap modulo 2^32 there too (other backends may saturate; only in-range
 * values are portable). Same dtype: a copy.
 */
export function createCastKernel(storage: CpuStorage): KernelFunction<'cast'> {
  return ({ x }, { dtype }) => {
    const input = storage.values(x);
    const output = storage.allocate(x.shape, dtype);
    if (dtype === 'bool' && x.dtype !== 'bool') {
      const out = output.values;
      for (let index = 0; index < input.length; index++) out[index] = +(input[index] !== 0);
    } else {
      // TypedArray.prototype.set converts element-wise natively with exactly the store semantics above.
      output.values.set(input);
    }
    return output.info;
  };
}
