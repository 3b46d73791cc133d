import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWebGpuBackend, type WebGpuBackend } from '../create-webgpu-backend';

/** Where scripts/setup-lavapipe.sh puts the CPU Vulkan driver by default (relative to the repository root). */
const DEFAULT_MANIFEST = fileURLToPath(new URL('../../../../.cache/lavapipe/lvp_icd.json', import.meta.url));

export type TestBackendResult = { backend: WebGpuBackend; skipReason: null } | { backend: null; skipReason: string };

/**
 * A WebGPU backend on Dawn for Node tests, or the reason there is none (the tests then skip and print it, so CI
 * without a Vulkan driver stays green). Uses the repository's lavapipe when VK_ICD_FILENAMES is not set: the
 * Vulkan loader reads the variable when Dawn creates its instance, which is after this assignment.
 */
export async function createTestBackend(): Promise<TestBackendResult> {
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(DEFAULT_MANIFEST)) {
    process.env.VK_ICD_FILENAMES = DEFAULT_MANIFEST;
  }
  process.env.NODEVICE_SELECT ??= '1';
  let create: (options: string[]) => GPU;
  try {
    ({ create } = await import('webgpu'));
  } catch (error) {
    return { backend: null, skipReason: `the webgpu package (Dawn) does not load: ${String(error)}` };
  }
  const backend = createWebGpuBackend({ gpu: create([]) });
  try {
    await backend.initialize?.();
  } catch (error) {
    return { backend: null, skipReason: `no WebGPU adapter: ${(error as Error).message}` };
  }
  return { backend, skipReason: null };
}

/**
 * Logs why a WebGPU suite is skipped, once per file. Where a driver was set up on purpose (CI sets
 * TESSERA_REQUIRE_WEBGPU=1 after installing lavapipe), a missing adapter is an error, not a skip.
 */
export function reportSkip(suite: string, reason: string | null): void {
  if (reason === null) return;
  if (process.env.TESSERA_REQUIRE_WEBGPU === '1') {
    throw new Error(`[${suite}] TESSERA_REQUIRE_WEBGPU=1 but there is no WebGPU backend: ${reason}`);
  }
  console.warn(`[${suite}] skipped: ${reason}`);
}
