import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', backend: 'src/backend.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Worker entry for the threaded matmul must stay a separate file so that it can be spawned.
  splitting: true,
  treeshake: true,
});
