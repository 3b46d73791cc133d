/**
 * @tessera/backend-webgpu: Tessera's WebGPU backend. Browsers: `registerBackend(createWebGpuBackend())`. Node:
 * `registerBackend(createWebGpuBackend({ gpu: create([]) }))` with `create` from the `webgpu` package. Then
 * `await setBackend('webgpu')`.
 */
export {
  createWebGpuBackend,
  type WebGpuBackend,
  type WebGpuBackendOptions,
  type WebGpuCapabilities,
} from './create-webgpu-backend';
export { WebGpuUnavailableError } from './webgpu-unavailable-error';
