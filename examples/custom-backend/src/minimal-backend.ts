import { type Backend, defineBackend } from '@tessera/core/backend';
import { createElementwiseKernels } from './elementwise-kernels';
import { createLayoutKernels } from './layout-kernels';
import { createMathKernels } from './math-kernels';
import { MinimalStorage } from './minimal-storage';

/**
 * A complete Tessera backend in plain TypeScript: the 18 required kernels and nothing else. softmax, conv2d,
 * pooling, fusedMatmul and the other optional kernels run as core's composites, built from these.
 *
 *   registerBackend(createMinimalBackend());
 *   await setBackend('minimal');
 */
export function createMinimalBackend(): Backend {
  const storage = new MinimalStorage();
  return defineBackend({
    specVersion: 1,
    name: 'minimal',
    storage,
    // The type of `kernels` demands every required kernel: leaving one out is a compile error.
    kernels: {
      ...createElementwiseKernels(storage),
      ...createMathKernels(storage),
      ...createLayoutKernels(storage),
    },
  });
}
