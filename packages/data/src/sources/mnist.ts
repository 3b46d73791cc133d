import { loadMnistFamily, type MnistFamilyData, type MnistFamilyOptions } from './load-mnist-family';

/**
 * MNIST handwritten digits: 60000 training and 10000 test images, 28×28, 10 classes. Looks in `options.directory`,
 * `$TESSERA_MNIST_DIR`, then `~/.cache/tessera/mnist` (Debian ships no MNIST package, and no download
 * is attempted: no checksums are pinned for MNIST yet).
 */
export function mnist(options: MnistFamilyOptions = {}): Promise<MnistFamilyData> {
  return loadMnistFamily(
    { name: 'mnist', environmentVariable: 'TESSERA_MNIST_DIR', cacheFolder: 'mnist', systemDirectories: [] },
    options,
  );
}
