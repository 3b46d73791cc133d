import { InvalidArgumentError, Tensor, tidy } from '@tessera/core';
import { sparseLabels } from '../losses/sparse-categorical-crossentropy';
import type { MetricFunction } from './get-metric';
import { checkK, inTopK, type TopKOptions } from './top-k-categorical-accuracy';

/**
 * The fraction of examples whose integer label (shape [batch] or [batch, 1]) is among the k highest scores of
 * yPred; ties at the k-th place count as hits.
 *
 * `sparseTopKCategoricalAccuracy(yTrue, yPred, options?)` computes it; `sparseTopKCategoricalAccuracy(options)`
 * returns a metric function.
 */
export function sparseTopKCategoricalAccuracy(options?: TopKOptions): MetricFunction;
export function sparseTopKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, options?: TopKOptions): Tensor;
export function sparseTopKCategoricalAccuracy(
  first?: Tensor | TopKOptions,
  yPred?: Tensor,
  options: TopKOptions = {},
): Tensor | MetricFunction {
  if (!(first instanceof Tensor)) {
    const bound = first ?? {};
    checkK(bound, 'sparseTopKCategoricalAccuracy');
    const sparseTopKMetric: MetricFunction = (yTrue, prediction) =>
      sparseTopKCategoricalAccuracy(yTrue, prediction, bound);
    return sparseTopKMetric;
  }
  if (!(yPred instanceof Tensor)) {
    throw new InvalidArgumentError(`sparseTopKCategoricalAccuracy: yPred must be a Tensor, got ${String(yPred)}`);
  }
  const k = checkK(options, 'sparseTopKCategoricalAccuracy');
  return tidy(() => inTopK(sparseLabels(first, yPred, 'sparseTopKCategoricalAccuracy'), yPred, k));
}
