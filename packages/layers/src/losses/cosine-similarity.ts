import { InvalidArgumentError, maximum, mean, mul, neg, rsqrt, square, sum, Tensor, tidy } from '@tessera/core';
import { assertSameShape } from './assert-same-shape';
import type { LossFunction } from './loss-function';

export interface CosineSimilarityOptions {
  /** The axis along which vectors are compared; negative counts from the end. */
  axis?: number;
}

/**
 * −cos(yTrue, yPred) along `axis`, averaged over the rest: Keras's sign, so minimizing the loss aligns the vectors
 * and the best value is −1. Each side is divided by sqrt(max(Σx², 1e-12)) as Keras's l2Normalize does, so a zero
 * vector gives 0 rather than NaN.
 *
 * `cosineSimilarity(yTrue, yPred, options?)` computes the loss; `cosineSimilarity(options)` returns a loss function.
 */
export function cosineSimilarity(options?: CosineSimilarityOptions): LossFunction;
export function cosineSimilarity(yTrue: Tensor, yPred: Tensor, options?: CosineSimilarityOptions): Tensor;
export function cosineSimilarity(
  first?: Tensor | CosineSimilarityOptions,
  yPred?: Tensor,
  options: CosineSimilarityOptions = {},
): Tensor | LossFunction {
  if (!(first instanceof Tensor)) {
    const bound = first ?? {};
    const cosineSimilarityLoss: LossFunction = (yTrue, prediction) => cosineSimilarity(yTrue, prediction, bound);
    return cosineSimilarityLoss;
  }
  if (!(yPred instanceof Tensor)) {
    throw new InvalidArgumentError(`cosineSimilarity: yPred must be a Tensor, got ${String(yPred)}`);
  }
  assertSameShape(first, yPred, 'cosineSimilarity');
  const axis = options.axis ?? -1;
  if (!Number.isInteger(axis) || axis < -first.rank || axis >= first.rank) {
    throw new InvalidArgumentError(
      `cosineSimilarity: axis must be an integer in [${-first.rank}, ${first.rank - 1}] for rank ${first.rank}, got ${axis}`,
    );
  }
  return tidy(() => {
    const trueUnit = l2Normalize(first, axis);
    const predUnit = l2Normalize(yPred, axis);
    return neg(mean(sum(mul(trueUnit, predUnit), axis)));
  });
}

function l2Normalize(x: Tensor, axis: number): Tensor {
  return mul(x, rsqrt(maximum(sum(square(x), axis, true), 1e-12)));
}
