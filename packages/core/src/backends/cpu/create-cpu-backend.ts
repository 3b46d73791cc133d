import type { Backend } from '../../backend/backend-definition';
import { defineBackend } from '../../backend/define-backend';
import { CpuStorage } from './cpu-storage';
import { createOptionalKernels } from './optional-kernels';
import { createRequiredKernels } from './required-kernels';

/** The embedded default backend: pure TypeScript over typed arrays, and the reference for every other backend. */
export function createCpuBackend(): Backend {
  const storage = new CpuStorage();
  return defineBackend({
    specVersion: 1,
    name: 'cpu',
    storage,
    kernels: { ...createRequiredKernels(storage), ...createOptionalKernels(storage) },
  });
}
