import { argMax, cast, equal, mean, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from '../losses/assert-same-shape';

/** The fraction of examples whose highest-scoring class is the one-hot label's class. */
export function categoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'categoricalAccuracy');
  return tidy(() => mean(cast(equal(argMax(yTrue, -1), argMax(yPred, -1)), 'float32')));
}
