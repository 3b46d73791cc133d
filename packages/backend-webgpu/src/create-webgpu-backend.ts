import './webgpu-types';
import { type Backend, BackendError, defineBackend } from '@tessera/core/backend';
import { GpuContext } from './gpu-context';
import type { KernelEnvironment } from './kernel-environment';
import { createWebGpuKernels } from './webgpu-kernels';
import { WebGpuStorage } from './webgpu-storage';
import { NO_ADAPTER_HELP, WebGpuUnavailableError } from './webgpu-unavailable-error';

export interface WebGpuBackendOptions {
  /** The WebGPU entry point. Browsers default to navigator.gpu; Node passes `create([])` from the `webgpu` package. */
  gpu?: GPU;
  /** An adapter to use instead of requesting one. */
  adapter?: GPUAdapter;
  /** A device to use as is; the backend then leaves destroying it to the caller. */
  device?: GPUDevice;
  powerPreference?: GPUPowerPreference;
  /** Limits above WebGPU's defaults, if the kernels you add need them; the built-in kernels stay within the defaults. */
  requiredLimits?: Record<string, number>;
}

/** What the backend found on its device, readable after `await setBackend('webgpu')`. */
export interface WebGpuCapabilities {
  /** The adapter offers 'shader-f16' (requested when present; the built-in kernels compute in f32). */
  shaderF16: boolean;
  /** Always false: GPU buffers are read with `await tensor.data()`; `dataSync` throws with that advice. */
  readSync: false;
  adapterDescription: string;
  /** The largest tensor, in bytes, a kernel can bind on this device (WebGPU's default and lavapipe's: 128 MiB). */
  maxStorageBufferBindingSize: number;
}

export interface WebGpuBackend extends Backend {
  /** Null until initialized. */
  capabilities(): WebGpuCapabilities | null;
  /** Buffer pool statistics, for leak and reuse checks. */
  poolStatistics(): { allocatedBuffers: number; allocatedBytes: number; pooledBytes: number };
  /** Destroys the pooled buffers no tensor uses (the pool keeps freed buffers for reuse until then). */
  releaseIdleBuffers(): void;
}

/**
 * The WebGPU backend. Nothing touches the GPU until `initialize` (awaited by `setBackend`), which takes an adapter
 * and a device. The backend keeps the `gpu` object referenced for its whole life: Dawn in Node crashes if that
 * object is garbage-collected while a device it made is still in use.
 */
export function createWebGpuBackend(options: WebGpuBackendOptions = {}): WebGpuBackend {
  let context: GpuContext | null = null;
  let gpu: GPU | null = options.gpu ?? null;
  let ownsDevice = false;
  let capabilities: WebGpuCapabilities | null = null;
  const contextOf = (): GpuContext => {
    if (context === null) {
      throw new BackendError("webgpu: the backend is not initialized; call await setBackend('webgpu') first");
    }
    return context;
  };
  const storage = new WebGpuStorage(contextOf);
  const environment: KernelEnvironment = { storage, context: contextOf };

  const initialize = async (): Promise<void> => {
    if (context !== null) return;
    let device = options.device;
    let adapter = options.adapter;
    if (device === undefined) {
      if (adapter === undefined) {
        gpu ??= (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu ?? null;
        if (gpu === null) {
          throw new WebGpuUnavailableError(
            `webgpu: no WebGPU implementation (navigator.gpu is missing). ${NO_ADAPTER_HELP}`,
          );
        }
        adapter = (await gpu.requestAdapter({ powerPreference: options.powerPreference })) ?? undefined;
        if (adapter === undefined) {
          throw new WebGpuUnavailableError(`webgpu: requestAdapter() returned no adapter. ${NO_ADAPTER_HELP}`);
        }
      }
      const requiredFeatures: GPUFeatureName[] = adapter.features.has('shader-f16') ? ['shader-f16'] : [];
      device = await adapter.requestDevice({ requiredFeatures, requiredLimits: options.requiredLimits });
      ownsDevice = true;
    }
    const info = adapter?.info;
    capabilities = {
      shaderF16: device.features.has('shader-f16'),
      readSync: false,
      adapterDescription:
        info === undefined ? 'unknown' : `${info.vendor} ${info.architecture} ${info.description}`.trim(),
      maxStorageBufferBindingSize: device.limits.maxStorageBufferBindingSize,
    };
    context = new GpuContext(device);
  };

  const destroy = (): void => {
    if (context === null) return;
    context.trimPools();
    if (ownsDevice) context.device.destroy();
    context = null;
    // Only now may the entry point be collected: no device of it is left.
    gpu = null;
  };

  const backend = defineBackend({
    specVersion: 1,
    name: 'webgpu',
    storage,
    kernels: createWebGpuKernels(environment),
    initialize,
    destroy,
  });
  return Object.assign(backend, {
    capabilities: () => capabilities,
    poolStatistics: () => contextOf().pool.statistics(),
    releaseIdleBuffers: () => contextOf().trimPools(),
  });
}
