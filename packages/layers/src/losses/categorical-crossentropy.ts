import { clipByValue, div, log, logSoftmax, mean, mul, neg, sum, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';
import { type CrossentropyOptions, EPSILON } from './loss-function';

/**
 * −Σ y·log p over the class axis (last), averaged over the batch. Probabilities are renormalized and clipped as
 * in Keras; logits go through logSoftmax, which stays finite for any scores.
 */
export function categoricalCrossentropy(yTrue: Tensor, yPred: Tensor, options: CrossentropyOptions = {}): Tensor {
  assertSameShape(yTrue, yPred, 'categoricalCrossentropy');
  return tidy(() => {
    const logProbabilities = options.fromLogits
      ? logSoftmax(yPred, -1)
      : log(clipByValue(div(yPred, sum(yPred, -1, true)), EPSILON, 1 - EPSILON));
    return neg(mean(sum(mul(yTrue, logProbabilities), -1)));
  });
}
