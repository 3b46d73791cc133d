import { argMax, cast, greater, InvalidArgumentError, less, mean, mul, oneHot, sum, Tensor, tidy } from '@tessera/core';
import { assertSameShape } from '../losses/assert-same-shape';
import type { MetricFunction } from './get-metric';

export interface TopKOptions {
  /** How many of the highest scores count as a hit. */
  k?: number;
}

/**
 * The fraction of examples whose true class (the argmax of the one-hot yTrue) is among the k highest scores of
 * yPred. Ties straddling the k-th place count as hits, as in TensorFlow's in_top_k: the target is a hit when
 * fewer than k classes score strictly higher.
 *
 * `topKCategoricalAccuracy(yTrue, yPred, options?)` computes it; `topKCategoricalAccuracy(options)` returns a metric
 * function.
 */
export function topKCategoricalAccuracy(options?: TopKOptions): MetricFunction;
export function topKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, options?: TopKOptions): Tensor;
export function topKCategoricalAccuracy(
  first?: Tensor | TopKOptions,
  yPred?: Tensor,
  options: TopKOptions = {},
): Tensor | MetricFunction {
  if (!(first instanceof Tensor)) {
    const bound = first ?? {};
    checkK(bound, 'topKCategoricalAccuracy');
    const topKMetric: MetricFunction = (yTrue, prediction) => topKCategoricalAccuracy(yTrue, prediction, bound);
    return topKMetric;
  }
  if (!(yPred instanceof Tensor)) {
    throw new InvalidArgumentError(`topKCategoricalAccuracy: yPred must be a Tensor, got ${String(yPred)}`);
  }
  const k = checkK(options, 'topKCategoricalAccuracy');
  assertSameShape(first, yPred, 'topKCategoricalAccuracy');
  return tidy(() => inTopK(argMax(first, -1), yPred, k));
}

/** The mean over examples of "fewer than k classes score strictly above the target class". */
export function inTopK(targets: Tensor, yPred: Tensor, k: number): Tensor {
  const classes = yPred.shape[yPred.rank - 1];
  const targetScore = sum(mul(oneHot(targets, classes, 1, 0, 'float32'), yPred), -1, true);
  const strictlyHigher = sum(cast(greater(yPred, targetScore), 'float32'), -1);
  return mean(cast(less(strictlyHigher, k), 'float32'));
}

export function checkK(options: TopKOptions, functionName: string): number {
  const k = options.k ?? 5;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new InvalidArgumentError(`${functionName}: k must be a positive integer, got ${k}`);
  }
  return k;
}
