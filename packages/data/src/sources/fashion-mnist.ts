import type { RemoteFile } from './download-files';
import { loadMnistFamily, type MnistFamilyData, type MnistFamilyOptions } from './load-mnist-family';

/** Where Debian's `dataset-fashion-mnist` package installs the four gzip files. */
export const DEBIAN_FASHION_MNIST_DIRECTORY = '/usr/share/datasets/fashion-mnist';

/** The data set's canonical address (Zalando Research's S3 site, as its README gives it). */
export const FASHION_MNIST_URL = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/';

/**
 * SHA-256 of each file's decompressed IDX content, taken from Debian's dataset-fashion-mnist package (which
 * recompresses the upstream .gz files, so hashes of the .gz would differ between the two).
 */
export const FASHION_MNIST_FILES: readonly RemoteFile[] = [
  { name: 'train-images-idx3-ubyte.gz', sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888' },
  { name: 'train-labels-idx1-ubyte.gz', sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9' },
  { name: 't10k-images-idx3-ubyte.gz', sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b' },
  { name: 't10k-labels-idx1-ubyte.gz', sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34' },
];

/**
 * Fashion-MNIST (Zalando): 60000 training and 10000 test images of clothing, 28×28, 10 classes. Looks in
 * `options.directory`, `$TESSERA_FASHION_MNIST_DIR`, `~/.cache/tessera/fashion-mnist`, then Debian's install folder; otherwise downloads into the cache (unless
 * `download: false`), verifying each file's SHA-256.
 */
export function fashionMnist(options: MnistFamilyOptions = {}): Promise<MnistFamilyData> {
  return loadMnistFamily(
    {
      name: 'fashionMnist',
      environmentVariable: 'TESSERA_FASHION_MNIST_DIR',
      cacheFolder: 'fashion-mnist',
      systemDirectories: [DEBIAN_FASHION_MNIST_DIRECTORY],
      download: { baseUrl: FASHION_MNIST_URL, files: FASHION_MNIST_FILES },
    },
    options,
  );
}
