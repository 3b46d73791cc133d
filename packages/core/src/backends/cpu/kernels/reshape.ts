import type { KernelFunction } from '../../../backend/backend-definition';
import type { CpuStorage } from '../cpu-storage';

/** Row-major data is the same in any shape: the output shares the input's buffer (the engine counts references). */
export function createReshapeKernel(_storage: CpuStorage): KernelFunction<'reshape'> {
  return ({ x }, { shape }) => ({ dataId: x.dataId, shape: [...shape], dtype: x.dtype });
}
