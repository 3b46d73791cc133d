import type { KernelMap } from '../../backend/backend-definition';
import type { OptionalKernelName } from '../../backend/kernel-specs';
import type { CpuStorage } from './cpu-storage';

/** The optional kernels the CPU backend implements natively (the rest fall back to core's composites). */
export function createOptionalKernels(_storage: CpuStorage): Pick<KernelMap, OptionalKernelName> {
  return {};
}
