import type { KernelFunction } from '../../../backend/backend-definition';
import type { CpuStorage } from '../cpu-storage';

/** A tensor of `shape` holding `value` everywhere (bool: value !== 0; int32: truncated like cast). */
export function createFillKernel(storage: CpuStorage): KernelFunction<'fill'> {
  return (_inputs, { shape, value, dtype }) => {
    const output = storage.allocate(shape, dtype);
    if (dtype === 'bool') output.values.fill(value !== 0 ? 1 : 0);
    // A fresh buffer is already zero; -0 is not, so compare with Object.is.
    else if (!Object.is(value, 0)) output.values.fill(value);
    return output.info;
  };
}
