import type { Tensor } from '@tessera/core';

export interface CrossentropyOptions {
  /** yPred holds unnormalized scores; the loss applies the sigmoid/softmax itself, in a numerically stable form. */
  fromLogits?: boolean;
}

/** A loss reduces to a scalar: the per-example loss averaged over the batch, as Keras does. */
export type LossFunction = (yTrue: Tensor, yPred: Tensor) => Tensor;

/** Keras clips probabilities to [EPSILON, 1 − EPSILON] so that log never sees 0. */
export const EPSILON = 1e-7;
