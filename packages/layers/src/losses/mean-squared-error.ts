import { mean, square, sub, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';

/** mean((yTrue − yPred)²) over every element (the per-example mean over the last axis, then the batch mean). */
export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'meanSquaredError');
  return tidy(() => mean(square(sub(yTrue, yPred))));
}
