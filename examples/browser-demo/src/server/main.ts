import { fileURLToPath } from 'node:url';
import { SUBSET_FILE_NAME } from '../subset-format';
import { buildPage } from './build-page';
import { DEBIAN_FASHION_MNIST, fashionMnistAvailable, writeSubsetFile } from './prepare-data';
import { startStaticServer } from './static-server';

/**
 * `pnpm start` (tsx src/server/main.ts): writes the Fashion-MNIST subset, bundles the page into dist/ and serves
 * it on http://localhost:8080 (PORT overrides). Open the printed address in a browser with WebGPU.
 */
const outputDirectory = fileURLToPath(new URL('../../dist/', import.meta.url));

if (!fashionMnistAvailable()) {
  console.error(`browser-demo: no Fashion-MNIST in ${DEBIAN_FASHION_MNIST}; apt-get install dataset-fashion-mnist`);
  process.exit(1);
}
const bytes = writeSubsetFile(`${outputDirectory}${SUBSET_FILE_NAME}`);
console.log(`browser-demo: wrote ${SUBSET_FILE_NAME} (${(bytes / 1e6).toFixed(1)} MB)`);
await buildPage(outputDirectory);
const server = await startStaticServer(outputDirectory, Number(process.env.PORT ?? 8080));
console.log(`browser-demo: serving ${outputDirectory} at ${server.url} (Ctrl-C stops)`);
