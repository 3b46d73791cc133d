import { describeBackend } from '@tessera/backend-testkit';
import { describe, it } from 'vitest';
import { createWebGpuBackend } from '../create-webgpu-backend';
import { browserWebGpuSkipReason } from './browser-test-context';

// The same conformance suite as src/conformance.test.ts (Dawn in Node), here on the browser's own WebGPU:
// navigator.gpu in headless Chromium (SwiftShader on a machine without a GPU).
const skipReason = await browserWebGpuSkipReason('testkit conformance in Chromium');

if (skipReason === null) {
  describe('@tessera/backend-testkit on the WebGPU backend (Chromium, navigator.gpu)', () => {
    describeBackend(() => createWebGpuBackend(), { name: 'webgpu-chromium', shapes: 'full' });
  });
} else {
  // One skipped test carrying the reason, rather than the whole suite registered as skipped.
  it.skip(`testkit conformance in Chromium (skipped: ${skipReason})`, () => {});
}
