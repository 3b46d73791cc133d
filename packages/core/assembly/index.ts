// The entry of the CPU backend's WebAssembly SIMD module: everything exported here is what the TypeScript side
// (src/backends/cpu/wasm/) can call.

export { adamUpdate, binary, unary } from './elementwise';
export { gemm, workspaceBytes } from './gemm';

/** The first free byte after this module's static data: the caller's buffers start at or after it. */
export function heapBase(): usize {
  return __heap_base;
}
