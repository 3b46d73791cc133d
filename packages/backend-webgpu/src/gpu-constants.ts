/*
 * WebGPU's flag values, from the specification. Browsers define GPUBufferUsage and GPUMapMode as globals, but Node
 * with the `webgpu` package does not (unless the user copies its `globals` onto globalThis), so the backend uses
 * the numbers themselves.
 */
export const BUFFER_USAGE = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  STORAGE: 0x0080,
} as const;

export const MAP_MODE_READ = 0x0001;
