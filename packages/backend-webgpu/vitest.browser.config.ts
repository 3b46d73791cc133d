import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_FLAGS as BASE_FLAGS, findChromium, WEBGPU_FLAG } from '../../scripts/chromium.mjs';

/**
 * The WebGPU backend's tests inside headless Chromium (Vitest browser mode driving Debian's `chromium` through
 * Playwright): `npx vitest run --config packages/backend-webgpu/vitest.browser.config.ts`, or `pnpm test:browser`
 * in this package. Without a Chromium the files still load, in Node, and register one skipped test that prints the
 * reason, unless TESSERA_REQUIRE_WEBGPU=1 says the machine was set up for it (then a missing browser fails).
 */

const packageRoot = fileURLToPath(new URL('.', import.meta.url));
const source = (relativePath: string) => fileURLToPath(new URL(`../${relativePath}`, import.meta.url));

const chromiumPath = findChromium();
const requireWebGpu = process.env.TESSERA_REQUIRE_WEBGPU === '1';
if (chromiumPath === null && requireWebGpu) {
  throw new Error(
    'vitest.browser.config.ts: TESSERA_REQUIRE_WEBGPU=1 but no Chromium was found (install Debian\'s "chromium" or set CHROMIUM_PATH)',
  );
}
const skipReason =
  chromiumPath === null
    ? 'no Chromium found (install Debian\'s "chromium" package or set CHROMIUM_PATH to an existing browser)'
    : null;

/** The shared headless flags plus WebGPU: `--enable-unsafe-webgpu` is what makes requestAdapter() return an adapter. */
const CHROMIUM_FLAGS = [...BASE_FLAGS, WEBGPU_FLAG];

export default defineConfig({
  root: packageRoot,
  // Cross-origin isolation gives the page SharedArrayBuffer, so the CPU backend can use Web Workers there.
  server: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  resolve: {
    alias: [
      { find: /^@tessera\/core\/backend$/, replacement: source('core/src/backend.ts') },
      { find: /^@tessera\/core$/, replacement: source('core/src/index.ts') },
      { find: /^@tessera\/backend-testkit$/, replacement: source('backend-testkit/src/index.ts') },
    ],
  },
  test: {
    include: ['src/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Read with inject() in src/browser/browser-test-context.ts, which declares their types.
    provide: { browserSkipReason: skipReason, requireWebGpu },
    browser:
      chromiumPath === null
        ? { enabled: false }
        : {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: CHROMIUM_FLAGS } }),
            instances: [{ browser: 'chromium' }],
            // Failures are numeric mismatches; a picture of the blank test page would only litter src/.
            screenshotFailures: false,
          },
  },
});
