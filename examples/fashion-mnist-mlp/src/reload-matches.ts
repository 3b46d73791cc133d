import type { Tensor } from '@tessera/core';
import type { LayersModel } from '@tessera/layers';

/**
 * Whether two models give bit-identical predictions on `images` (a saved-and-reloaded model must). Reads with
 * `await data()`, which every backend supports (WebGPU has no synchronous reads).
 */
export async function reloadMatches(trained: LayersModel, reloaded: LayersModel, images: Tensor): Promise<boolean> {
  const expected = trained.predict(images, { batchSize: 1000 }) as Tensor;
  const actual = reloaded.predict(images, { batchSize: 1000 }) as Tensor;
  try {
    const [expectedValues, actualValues] = await Promise.all([expected.data(), actual.data()]);
    return (
      expectedValues.length === actualValues.length &&
      expectedValues.every((value, index) => Object.is(value, actualValues[index]))
    );
  } finally {
    expected.dispose();
    actual.dispose();
  }
}
