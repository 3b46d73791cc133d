import { add, log, maximum, mean, square, sub, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';
import { EPSILON } from './loss-function';

/** mean((log(1 + yPred) − log(1 + yTrue))²); both sides are floored at 1e-7 as in Keras so log stays defined. */
export function meanSquaredLogarithmicError(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'meanSquaredLogarithmicError');
  return tidy(() => {
    const predictedLog = log(add(maximum(yPred, EPSILON), 1));
    const trueLog = log(add(maximum(yTrue, EPSILON), 1));
    return mean(square(sub(predictedLog, trueLog)));
  });
}
