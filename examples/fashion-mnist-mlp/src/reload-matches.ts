import type { Tensor } from '@tessera/core';
import type { LayersModel } from '@tessera/layers';

/** Whether two models give bit-identical predictions on `images` (a saved-and-reloaded model must). */
export function reloadMatches(trained: LayersModel, reloaded: LayersModel, images: Tensor): boolean {
  const expected = trained.predict(images, { batchSize: 1000 }) as Tensor;
  const actual = reloaded.predict(images, { batchSize: 1000 }) as Tensor;
  try {
    const expectedValues = expected.dataSync();
    const actualValues = actual.dataSync();
    return (
      expectedValues.length === actualValues.length &&
      expectedValues.every((value, index) => Object.is(value, actualValues[index]))
    );
  } finally {
    expected.dispose();
    actual.dispose();
  }
}
