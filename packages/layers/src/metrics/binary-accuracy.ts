import { cast, equal, greater, mean, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from '../losses/assert-same-shape';

/** The fraction of predictions on the right side of `threshold` (0.5 for probabilities). */
export function binaryAccuracy(yTrue: Tensor, yPred: Tensor, threshold = 0.5): Tensor {
  assertSameShape(yTrue, yPred, 'binaryAccuracy');
  return tidy(() => mean(cast(equal(cast(greater(yPred, threshold), 'float32'), cast(yTrue, 'float32')), 'float32')));
}
