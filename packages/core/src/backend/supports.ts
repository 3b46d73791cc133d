import type { Backend } from './backend-definition';
import type { KernelName } from './kernel-specs';

/** Whether the backend runs this kernel itself (true) or core falls back to its composite (false). */
export function supports(backend: Backend, kernelName: KernelName): boolean {
  return typeof (backend.kernels as Record<string, unknown>)[kernelName] === 'function';
}
