import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', backend: 'src/backend.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The two entries share the kernel table and error classes: emit them once, as a shared chunk.
  splitting: true,
  treeshake: true,
});
