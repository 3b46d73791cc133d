import { BackendError } from '@tessera/core/backend';

/** Thrown by the WebGPU backend's initialize when there is no WebGPU implementation or no adapter to use. */
export class WebGpuUnavailableError extends BackendError {
  override readonly name = 'WebGpuUnavailableError';
}

export const NO_ADAPTER_HELP =
  'In Node, pass { gpu: create([]) } from the `webgpu` package and provide a Vulkan driver: on a machine without a ' +
  'GPU run scripts/setup-lavapipe.sh and export the VK_ICD_FILENAMES it prints. In Chromium without a GPU, launch ' +
  'with --enable-unsafe-webgpu (and serve the page from http://localhost or https).';
