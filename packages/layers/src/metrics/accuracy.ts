import type { Tensor } from '@tessera/core';
import { binaryAccuracy } from './binary-accuracy';
import { categoricalAccuracy } from './categorical-accuracy';
import { sparseCategoricalAccuracy } from './sparse-categorical-accuracy';

/**
 * Keras' `'accuracy'`: which accuracy applies follows from the shapes. One output unit means binary; labels
 * shaped like the predictions mean one-hot; otherwise labels are class indices.
 */
export function accuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  if (yPred.shape[yPred.rank - 1] === 1 && yTrue.rank === yPred.rank) return binaryAccuracy(yTrue, yPred);
  const sameShape = yTrue.rank === yPred.rank && yTrue.shape.every((size, axis) => size === yPred.shape[axis]);
  return sameShape ? categoricalAccuracy(yTrue, yPred) : sparseCategoricalAccuracy(yTrue, yPred);
}
