import { argMax, cast, equal, mean, type Tensor, tidy } from '@tessera/core';
import { sparseLabels } from '../losses/sparse-categorical-crossentropy';

/** The fraction of examples whose highest-scoring class equals the integer label. */
export function sparseCategoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const labels = sparseLabels(yTrue, yPred, 'sparseCategoricalAccuracy');
    return mean(cast(equal(labels, argMax(yPred, -1)), 'float32'));
  });
}
