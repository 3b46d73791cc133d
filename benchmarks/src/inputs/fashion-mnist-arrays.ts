import { fashionMnist } from '@tessera/data';
import type { FashionMnistArrays } from './fashion-mnist-layout';

export type { FashionMnistArrays };

/**
 * Loads the training set from a local copy (an explicit folder, $TESSERA_FASHION_MNIST_DIR, the cache or Debian's
 * dataset-fashion-mnist), never from the network: a benchmark should not start with a 30 MB download. Returns the
 * reason instead when no copy is found, so the bench can skip the training cases and say why.
 */
export async function loadFashionMnistArrays(): Promise<FashionMnistArrays | { missing: string }> {
  let data: Awaited<ReturnType<typeof fashionMnist>>;
  try {
    data = await fashionMnist({ download: false });
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  }
  const images = data.train.images.dataSync() as Float32Array;
  const labels = Float32Array.from(data.train.labels.dataSync());
  const count = data.train.images.shape[0];
  for (const split of [data.train, data.test]) {
    split.images.dispose();
    split.labels.dispose();
  }
  return { images, labels, count };
}
