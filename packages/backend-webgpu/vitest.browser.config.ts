import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/**
 * The WebGPU backend's tests inside headless Chromium (Vitest browser mode driving Debian's `chromium` through
 * Playwright): `npx vitest run --config packages/backend-webgpu/vitest.browser.config.ts`, or `pnpm test:browser`
 * in this package. Without a Chromium the files still load, in Node, and register one skipped test that prints the
 * reason, unless TESSERA_REQUIRE_WEBGPU=1 says the machine was set up for it (then a missing browser fails).
 */

const packageRoot = fileURLToPath(new URL('.', import.meta.url));
const source = (relativePath: string) => fileURLToPath(new URL(`../${relativePath}`, import.meta.url));

/** Debian's Chromium (CHROMIUM_PATH overrides); Playwright's own browser downloads do not work on this network. */
function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') return existsSync(configured) ? configured : null;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

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

/**
 * Flags that make headless Chromium offer WebGPU (SwiftShader) on a machine without a GPU and keep it from
 * reaching the network. `--enable-unsafe-webgpu` is what makes requestAdapter() return an adapter at all.
 * Playwright gives each launch a fresh temporary profile itself (it rejects a `--user-data-dir` flag).
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
];

export default defineConfig({
  root: packageRoot,
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
