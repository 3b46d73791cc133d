import { abs, mean, sub, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';

/** mean(|yTrue − yPred|) over every element. */
export function meanAbsoluteError(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'meanAbsoluteError');
  return tidy(() => mean(abs(sub(yTrue, yPred))));
}
