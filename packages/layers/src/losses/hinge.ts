import { all, equal, logicalOr, maximum, mean, mul, sub, type Tensor, tidy, where } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';

/**
 * mean(max(1 − yTrue·yPred, 0)) with labels in {−1, 1}. As in Keras, labels that are all 0 or 1 are mapped to
 * {−1, 1} first (tfjs-layers' hinge skips that step; tf.losses.hingeLoss always maps).
 */
export function hinge(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'hinge');
  return tidy(() => {
    const isBinary = all(logicalOr(equal(yTrue, 0), equal(yTrue, 1)));
    const signedLabels = where(isBinary, sub(mul(2, yTrue), 1), yTrue);
    return mean(maximum(sub(1, mul(signedLabels, yPred)), 0));
  });
}
