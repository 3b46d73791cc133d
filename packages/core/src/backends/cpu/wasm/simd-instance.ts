import { instantiateSimdKernels, type SimdInstance } from '../kernels/gemm-wasm';
import { simdKernelModule } from './simd-kernels';

/** This thread's instance of the SIMD module, made on first use, and the module it came from. */
let instance: SimdInstance | undefined;
let instanceModule: WebAssembly.Module | undefined;

/**
 * The calling thread's instance of the SIMD kernels (GEMM and element-wise share it and its memory), or undefined
 * where SIMD is unavailable or switched off.
 */
export function currentSimdInstance(): SimdInstance | undefined {
  const module = simdKernelModule();
  if (module === undefined) return undefined;
  if (instanceModule !== module) {
    instance = instantiateSimdKernels(module);
    instanceModule = module;
  }
  return instance;
}
