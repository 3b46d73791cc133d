import { add, max, maximum, mean, mul, sub, sum, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';

/**
 * max(0, 1 + max over wrong classes of yPred − yPred of the true class), averaged over the batch; yTrue is one-hot
 * over the last axis.
 */
export function categoricalHinge(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'categoricalHinge');
  return tidy(() => {
    const positive = sum(mul(yTrue, yPred), -1);
    const negative = max(mul(sub(1, yTrue), yPred), -1);
    return mean(maximum(add(sub(negative, positive), 1), 0));
  });
}
