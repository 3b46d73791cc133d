import type { Tensor } from '@tessera/core';
import { sparseLabels } from '../losses/sparse-categorical-crossentropy';
import type { MetricFunction } from './get-metric';
import { type TopKOptions, type TopKVariant, topKAccuracy } from './top-k-accuracy';

const sparseTopK: TopKVariant = {
  functionName: 'sparseTopKCategoricalAccuracy',
  bind: (bound) => {
    const sparseTopKMetric: MetricFunction = (yTrue, prediction) =>
      sparseTopKCategoricalAccuracy(yTrue, prediction, bound);
    return sparseTopKMetric;
  },
  targets: (yTrue, yPred) => sparseLabels(yTrue, yPred, 'sparseTopKCategoricalAccuracy'),
};

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
  return topKAccuracy(sparseTopK, first, yPred, options);
}
