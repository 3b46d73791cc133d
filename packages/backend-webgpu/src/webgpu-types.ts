/*
 * Brings the WebGPU type declarations (GPU, GPUDevice, GPUBuffer, ...) into scope. They come from `@webgpu/types`,
 * which the `webgpu` package (Dawn for Node, an optional peer dependency) declares and re-exports; a type-only
 * import erases to nothing at run time, so browser builds never load `webgpu`.
 */
import type {} from 'webgpu';
