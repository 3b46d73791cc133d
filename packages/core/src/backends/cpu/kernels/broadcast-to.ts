import type { KernelFunction } from '../../../backend/backend-definition';
import type { CpuStorage } from '../cpu-storage';
import { broadcastValues } from './broadcast-values';

/** Materializes a NumPy broadcast of x to `shape` for any dtype. */
export function createBroadcastToKernel(storage: CpuStorage): KernelFunction<'broadcastTo'> {
  return ({ x }, { shape }) => {
    const output = storage.allocate(shape, x.dtype);
    broadcastValues(storage.values(x), x.shape, output.values, shape);
    return output.info;
  };
}
