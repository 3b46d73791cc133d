import { argMax, type Tensor } from '@tessera/core';
import { assertSameShape } from '../losses/assert-same-shape';
import type { MetricFunction } from './get-metric';
import { type TopKOptions, type TopKVariant, topKAccuracy } from './top-k-accuracy';

export type { TopKOptions } from './top-k-accuracy';

const oneHotTopK: TopKVariant = {
  functionName: 'topKCategoricalAccuracy',
  bind: (bound) => {
    const topKMetric: MetricFunction = (yTrue, prediction) => topKCategoricalAccuracy(yTrue, prediction, bound);
    return topKMetric;
  },
  targets: (yTrue, yPred) => {
    assertSameShape(yTrue, yPred, 'topKCategoricalAccuracy');
    return argMax(yTrue, -1);
  },
};

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
  return topKAccuracy(oneHotTopK, first, yPred, options);
}
