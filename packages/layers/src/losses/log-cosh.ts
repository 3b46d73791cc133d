import { add, mean, mul, softplus, sub, type Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';

/**
 * log(cosh(yPred − yTrue)), averaged: like half the squared error for small errors and like |e| − log 2 for large
 * ones. Written as e + softplus(−2e) − log 2 because cosh overflows float32 beyond |e| ≈ 89.
 */
export function logCosh(yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(yTrue, yPred, 'logCosh');
  return tidy(() => {
    const error = sub(yPred, yTrue);
    return mean(sub(add(error, softplus(mul(-2, error))), Math.LN2));
  });
}
