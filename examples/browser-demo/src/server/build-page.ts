import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const exampleRoot = fileURLToPath(new URL('../..', import.meta.url));
const packagesRoot = fileURLToPath(new URL('../../../../packages/', import.meta.url));

/**
 * The page is bundled from the packages' sources, like the tests run them, so the demo needs no `pnpm build` of
 * the libraries first and always shows the code in this checkout.
 */
const WORKSPACE_SOURCES: Record<string, string> = {
  '@tessera/core': 'core/src/index.ts',
  '@tessera/core/backend': 'core/src/backend.ts',
  '@tessera/layers': 'layers/src/index.ts',
  '@tessera/optimizers': 'optimizers/src/index.ts',
  '@tessera/data': 'data/src/index.ts',
  '@tessera/backend-webgpu': 'backend-webgpu/src/index.ts',
};

const workspaceSources: Plugin = {
  name: 'tessera-workspace-sources',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@tessera\// }, (resolveArguments) => {
      const relativePath = WORKSPACE_SOURCES[resolveArguments.path];
      // Every workspace package must come from its sources: a fresh checkout has no dist folders yet.
      if (relativePath === undefined) {
        return {
          errors: [{ text: `browser-demo: add ${resolveArguments.path} to WORKSPACE_SOURCES in build-page.ts` }],
        };
      }
      return { path: join(packagesRoot, relativePath) };
    });
  },
};

/** Bundles src/page/main.ts and copies index.html into `outputDirectory`. */
export async function buildPage(outputDirectory: string): Promise<void> {
  mkdirSync(outputDirectory, { recursive: true });
  await build({
    entryPoints: [join(exampleRoot, 'src/page/main.ts')],
    outfile: join(outputDirectory, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [workspaceSources],
  });
  copyFileSync(join(exampleRoot, 'src/page/index.html'), join(outputDirectory, 'index.html'));
}
