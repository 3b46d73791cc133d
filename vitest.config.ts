import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests import the packages' sources, so `pnpm test` needs no build step first.
const source = (relativePath: string) => fileURLToPath(new URL(relativePath, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tessera\/core\/backend$/, replacement: source('./packages/core/src/backend.ts') },
      { find: /^@tessera\/core$/, replacement: source('./packages/core/src/index.ts') },
      { find: /^@tessera\/optimizers$/, replacement: source('./packages/optimizers/src/index.ts') },
      { find: /^@tessera\/layers$/, replacement: source('./packages/layers/src/index.ts') },
      { find: /^@tessera\/data$/, replacement: source('./packages/data/src/index.ts') },
      { find: /^@tessera\/backend-testkit$/, replacement: source('./packages/backend-testkit/src/index.ts') },
      { find: /^@tessera\/backend-webgpu$/, replacement: source('./packages/backend-webgpu/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    // Browser-only suites run in Chromium through their own config (`pnpm --filter @tessera/backend-webgpu test:browser`).
    exclude: [...configDefaults.exclude, 'packages/backend-webgpu/src/browser/**'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
