import { abs, add, InvalidArgumentError, mean, minimum, mul, square, sub, Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';
import type { LossFunction } from './loss-function';

export interface HuberOptions {
  /** Where the loss turns from quadratic to linear; must be positive. */
  delta?: number;
}

/**
 * Quadratic for errors up to `delta`, linear beyond: 0.5·min(|e|, δ)² + δ·(|e| − min(|e|, δ)), averaged. The
 * minimum form needs no `where`, so the gradient is exactly e inside and ±δ outside.
 *
 * `huber(yTrue, yPred, options?)` computes the loss; `huber(options)` returns a loss function for `compile`.
 */
export function huber(options?: HuberOptions): LossFunction;
export function huber(yTrue: Tensor, yPred: Tensor, options?: HuberOptions): Tensor;
export function huber(
  first?: Tensor | HuberOptions,
  yPred?: Tensor,
  options: HuberOptions = {},
): Tensor | LossFunction {
  if (!(first instanceof Tensor)) {
    const bound = first ?? {};
    checkDelta(bound);
    const huberLoss: LossFunction = (yTrue, prediction) => huber(yTrue, prediction, bound);
    return huberLoss;
  }
  if (!(yPred instanceof Tensor)) {
    throw new InvalidArgumentError(`huber: yPred must be a Tensor, got ${String(yPred)}`);
  }
  const delta = checkDelta(options);
  assertSameShape(first, yPred, 'huber');
  return tidy(() => {
    const absoluteError = abs(sub(yPred, first));
    const quadratic = minimum(absoluteError, delta);
    const linear = sub(absoluteError, quadratic);
    return mean(add(mul(0.5, square(quadratic)), mul(delta, linear)));
  });
}

function checkDelta(options: HuberOptions): number {
  const delta = options.delta ?? 1;
  if (!(Number.isFinite(delta) && delta > 0)) {
    throw new InvalidArgumentError(`huber: delta must be a positive finite number, got ${delta}`);
  }
  return delta;
}
