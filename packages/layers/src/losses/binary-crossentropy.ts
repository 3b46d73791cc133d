import { abs, add, clipByValue, exp, log, log1p, mean, mul, neg, relu, sub, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';
import { type CrossentropyOptions, EPSILON } from './loss-function';

/**
 * −[y·log p + (1 − y)·log(1 − p)], averaged. From logits x it uses max(x, 0) − x·y + log(1 + e^−|x|), which
 * never overflows and keeps full precision where the sigmoid saturates.
 */
export function binaryCrossentropy(yTrue: Tensor, yPred: Tensor, options: CrossentropyOptions = {}): Tensor {
  assertSameShape(yTrue, yPred, 'binaryCrossentropy');
  return tidy(() => {
    if (options.fromLogits) {
      return mean(add(sub(relu(yPred), mul(yPred, yTrue)), log1p(exp(neg(abs(yPred))))));
    }
    const probabilities = clipByValue(yPred, EPSILON, 1 - EPSILON);
    const positive = mul(yTrue, log(probabilities));
    const negative = mul(sub(1, yTrue), log(sub(1, probabilities)));
    return neg(mean(add(positive, negative)));
  });
}
