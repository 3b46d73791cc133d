import type { GpuContext } from './gpu-context';
import type { WebGpuStorage } from './webgpu-storage';

/** What every kernel factory receives: the storage of the tensors and the device context (ready after initialize). */
export interface KernelEnvironment {
  storage: WebGpuStorage;
  context(): GpuContext;
}
