import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listBackends, registerBackend, removeBackend, setBackend } from '@tessera/core';

/** The backends this example can train on. */
export type BackendChoice = 'cpu' | 'webgpu';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['cpu', 'webgpu'];

/** Where scripts/setup-lavapipe.sh puts the CPU Vulkan driver by default (relative to the repository root). */
const LAVAPIPE_MANIFEST = fileURLToPath(new URL('../../../.cache/lavapipe/lvp_icd.json', import.meta.url));

/** WebGPU's default maxStorageBufferBindingSize: what a backend gets unless it asks the adapter for more. */
const DEFAULT_LARGEST_BINDING = 128 * 1024 * 1024;

let largestBinding = DEFAULT_LARGEST_BINDING;

/**
 * The largest tensor, in bytes, that a WebGPU kernel can read on the registered device. `fit` slices and gathers
 * batches from the whole training tensor, so that tensor must fit in one binding.
 */
export function largestWebGpuBinding(): number {
  return largestBinding;
}

/**
 * Registers the WebGPU backend on Dawn (the `webgpu` package) once per process, asking for the adapter's largest
 * storage binding (real GPUs offer far more than the 128 MiB default; lavapipe offers exactly that). On a machine
 * without a GPU the repository's lavapipe driver is used when VK_ICD_FILENAMES is not set: the Vulkan loader reads
 * the variable when Dawn creates its instance, which happens after this assignment.
 */
async function registerWebGpu(): Promise<void> {
  if (listBackends().includes('webgpu')) return;
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(LAVAPIPE_MANIFEST)) {
    process.env.VK_ICD_FILENAMES = LAVAPIPE_MANIFEST;
  }
  // Without this, Mesa's device-select layer can hide lavapipe from Dawn.
  process.env.NODEVICE_SELECT ??= '1';
  // Imported lazily so that the CPU path never loads Dawn's native module.
  const [{ create }, { createWebGpuBackend }] = await Promise.all([
    import('webgpu'),
    import('@tessera/backend-webgpu'),
  ]);
  const gpu = create([]);
  const adapter = (await gpu.requestAdapter()) ?? undefined;
  // Without an adapter the backend's own initialization reports it, with advice on getting a driver.
  if (adapter === undefined) {
    registerBackend(createWebGpuBackend({ gpu }));
    return;
  }
  const { maxStorageBufferBindingSize, maxBufferSize } = adapter.limits;
  largestBinding = Math.min(maxStorageBufferBindingSize, maxBufferSize);
  registerBackend(
    createWebGpuBackend({ gpu, adapter, requiredLimits: { maxStorageBufferBindingSize, maxBufferSize } }),
  );
}

/**
 * Makes `choice` the current backend, awaiting its initialization. When WebGPU has no adapter, the backend is
 * unregistered again and the WebGpuUnavailableError (which says how to get a driver) is rethrown.
 */
export async function selectBackend(choice: BackendChoice): Promise<void> {
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new Error(`selectBackend: expected one of ${BACKEND_CHOICES.join(', ')}, got ${JSON.stringify(choice)}`);
  }
  if (choice === 'webgpu') await registerWebGpu();
  try {
    await setBackend(choice);
  } catch (error) {
    // A backend whose initialization failed would fail again on every later selection; drop it.
    if (choice === 'webgpu') {
      removeBackend('webgpu');
      largestBinding = DEFAULT_LARGEST_BINDING;
    }
    throw error;
  }
}
