import { fashionMnist } from '@tessera/data';

/** The Fashion-MNIST training set as plain arrays, so every framework builds its own tensors from the same values. */
export interface FashionMnistArrays {
  /** Pixels in [0, 1], row-major [count, 28, 28] (the same values as [count, 784] or [count, 28, 28, 1]). */
  images: Float32Array;
  /** Class indices 0..9 as floats: both frameworks' sparse cross-entropy accept float labels. */
  labels: Float32Array;
  count: number;
}

export const imageSide = 28;
export const pixelsPerImage = imageSide * imageSide;

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

/** The first `count` examples, copied so each framework owns its buffer. */
export function firstExamples(data: FashionMnistArrays, count: number): { images: Float32Array; labels: Float32Array } {
  return { images: data.images.slice(0, count * pixelsPerImage), labels: data.labels.slice(0, count) };
}
