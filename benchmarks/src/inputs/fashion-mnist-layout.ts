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

/** The first `count` examples, copied so each framework owns its buffer. */
export function firstExamples(data: FashionMnistArrays, count: number): { images: Float32Array; labels: Float32Array } {
  return { images: data.images.slice(0, count * pixelsPerImage), labels: data.labels.slice(0, count) };
}
