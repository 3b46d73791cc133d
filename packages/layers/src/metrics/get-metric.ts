import { InvalidArgumentError, type Tensor } from '@tessera/core';
import { meanAbsoluteError } from '../losses/mean-absolute-error';
import { meanSquaredError } from '../losses/mean-squared-error';
import { accuracy } from './accuracy';
import { binaryAccuracy } from './binary-accuracy';
import { categoricalAccuracy } from './categorical-accuracy';
import { sparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { sparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { topKCategoricalAccuracy } from './top-k-categorical-accuracy';

export type MetricFunction = (yTrue: Tensor, yPred: Tensor) => Tensor;

export type MetricName =
  | 'accuracy'
  | 'binaryAccuracy'
  | 'categoricalAccuracy'
  | 'sparseCategoricalAccuracy'
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'topKCategoricalAccuracy'
  | 'sparseTopKCategoricalAccuracy'
  | 'acc'
  | 'mse'
  | 'mae';

const metrics: Record<MetricName, MetricFunction> = {
  accuracy,
  binaryAccuracy: (yTrue, yPred) => binaryAccuracy(yTrue, yPred),
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  meanSquaredError,
  meanAbsoluteError,
  topKCategoricalAccuracy: topKCategoricalAccuracy(),
  sparseTopKCategoricalAccuracy: sparseTopKCategoricalAccuracy(),
  // Keras's short aliases; logs report the name as given.
  acc: accuracy,
  mse: meanSquaredError,
  mae: meanAbsoluteError,
};

/** The metric-function names `getMetric` knows, for error messages. */
export function metricFunctionNames(): string[] {
  return Object.keys(metrics);
}

/** Whether `name` is a metric-function name known to `getMetric`. */
export function isMetricFunctionName(name: string): name is MetricName {
  return Object.hasOwn(metrics, name);
}

/** A metric name or function with the key it is reported under in logs and History. */
export function getMetric(
  identifier: MetricName | MetricFunction,
  context: string,
): { key: string; metric: MetricFunction } {
  if (typeof identifier === 'function') return { key: identifier.name || 'metric', metric: identifier };
  const metric = Object.hasOwn(metrics, identifier) ? metrics[identifier] : undefined;
  if (metric === undefined) {
    throw new InvalidArgumentError(
      `${context}: unknown metric '${String(identifier)}', expected one of ${Object.keys(metrics).join(', ')} or a function`,
    );
  }
  return { key: identifier, metric };
}
