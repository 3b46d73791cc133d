import { inject } from 'vitest';
import { createWebGpuBackend } from '../create-webgpu-backend';

declare module 'vitest' {
  interface ProvidedContext {
    /** Why the browser tests skip (no Chromium on this machine), or null when they run in Chromium. */
    browserSkipReason: string | null;
    /** Set on machines prepared for WebGPU (TESSERA_REQUIRE_WEBGPU=1): a missing browser or adapter then fails. */
    requireWebGpu: boolean;
  }
}

/** The root Node run (vitest.config.ts) picks these files up too; only vitest.browser.config.ts provides context. */
const RUN_IN_CHROMIUM_HINT =
  'browser-only test: run it in Chromium with `npx vitest run --config packages/backend-webgpu/vitest.browser.config.ts`';

function runsInBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

/**
 * Why the WebGPU tests in this folder cannot run here, or null when a WebGPU adapter is available through
 * navigator.gpu. Probes the adapter once (initialize, then destroy). On a machine set up for WebGPU in Chromium
 * (TESSERA_REQUIRE_WEBGPU=1 with the browser config) a missing adapter throws instead, so CI cannot go green by
 * skipping.
 */
export async function browserWebGpuSkipReason(suite: string): Promise<string | null> {
  let reason: string | null;
  if (!runsInBrowser()) {
    reason = inject('browserSkipReason') ?? RUN_IN_CHROMIUM_HINT;
  } else {
    const probe = createWebGpuBackend();
    try {
      await probe.initialize?.();
      reason = null;
    } catch (error) {
      reason = `no WebGPU adapter in Chromium (is --enable-unsafe-webgpu set?): ${(error as Error).message}`;
    } finally {
      probe.destroy?.();
    }
    if (reason !== null && inject('requireWebGpu')) {
      throw new Error(`[${suite}] TESSERA_REQUIRE_WEBGPU=1 but ${reason}`);
    }
  }
  if (reason !== null) console.warn(`[${suite}] skipped: ${reason}`);
  return reason;
}
