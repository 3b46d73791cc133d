import type { Backend } from '../../backend/backend-definition';
import { defineBackend } from '../../backend/define-backend';
import { CpuStorage } from './cpu-storage';
import { parallelGemmThreads } from './kernels/gemm-thread-pool';
import { createOptionalKernels } from './optional-kernels';
import { createRequiredKernels } from './required-kernels';
import { relaxedSimdInUse, simdKernelModule } from './wasm/simd-kernels';

/** What the CPU backend found it can use in this engine, now. */
export interface CpuCapabilities {
  /** WebAssembly SIMD128 kernels are compiled and switched on (else the TypeScript kernels run alone). */
  simd: boolean;
  /** The SIMD kernels are the relaxed-SIMD build: the GEMM uses fused multiply-add (where the CPU has it). */
  relaxedSimd: boolean;
  /** Threads that large matrix products run on: 1 until worker threads have started, and where there are none. */
  threads: number;
}

export interface CpuBackend extends Backend {
  capabilities(): CpuCapabilities;
  /** Drops the freed arrays kept for reuse, so that the garbage collector can return their memory. */
  releaseReusableMemory(): void;
}

/**
 * The embedded default backend: TypeScript over typed arrays with WebAssembly SIMD kernels where the engine has
 * SIMD128, and the reference for every other backend.
 */
export function createCpuBackend(): CpuBackend {
  const storage = new CpuStorage();
  const backend = defineBackend({
    specVersion: 1,
    name: 'cpu',
    storage,
    kernels: { ...createRequiredKernels(storage), ...createOptionalKernels(storage) },
  });
  return Object.assign(backend, {
    capabilities: (): CpuCapabilities => ({
      simd: simdKernelModule() !== undefined,
      relaxedSimd: relaxedSimdInUse(),
      threads: parallelGemmThreads(),
    }),
    releaseReusableMemory: () => storage.releaseReusableMemory(),
  });
}
