import { clipByValue, div, log, mean, mul, sum, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';
import { EPSILON } from './loss-function';

/**
 * Σ yTrue·log(yTrue / yPred) over the last axis, averaged over the batch. Both sides are clipped to [1e-7, 1] as
 * in Keras (tfjs-layers clips only inside the log), so zero probabilities give finite values and gradients.
 */
export function kullbackLeiblerDivergence(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'kullbackLeiblerDivergence');
  return tidy(() => {
    const clippedTrue = clipByValue(yTrue, EPSILON, 1);
    const clippedPred = clipByValue(yPred, EPSILON, 1);
    return mean(sum(mul(clippedTrue, log(div(clippedTrue, clippedPred))), -1));
  });
}
