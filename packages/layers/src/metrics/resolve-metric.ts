import { InvalidArgumentError } from '@tessera/core';
import { auc } from './auc';
import { falseNegatives, falsePositives, trueNegatives, truePositives } from './confusion-count-metric';
import {
  getMetric,
  isMetricFunctionName,
  type MetricFunction,
  type MetricName,
  metricFunctionNames,
} from './get-metric';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { isMetric, type Metric } from './metric';
import { precision } from './precision';
import { recall } from './recall';

/** Names of metrics that need state across batches; each lookup builds a new object. */
export type StatefulMetricName =
  | 'precision'
  | 'recall'
  | 'auc'
  | 'truePositives'
  | 'falsePositives'
  | 'trueNegatives'
  | 'falseNegatives';

/** What `compile({ metrics })` accepts for one metric. */
export type MetricIdentifier = MetricName | StatefulMetricName | MetricFunction | Metric;

const statefulFactories: Record<StatefulMetricName, () => Metric> = {
  precision: () => precision(),
  recall: () => recall(),
  auc: () => auc(),
  truePositives: () => truePositives(),
  falsePositives: () => falsePositives(),
  trueNegatives: () => trueNegatives(),
  falseNegatives: () => falseNegatives(),
};

/**
 * Every accepted identifier as a Metric. A name gives a fresh object on every call, so two models compiled with
 * 'precision' never share counts; a Metric object is used as given; a function is wrapped into an
 * example-weighted mean reported under its own name (or 'metric' when anonymous).
 */
export function resolveMetric(identifier: MetricIdentifier, context: string): Metric {
  if (isMetric(identifier)) return identifier;
  if (typeof identifier === 'function') {
    return new MeanMetricWrapper(identifier, identifier.name || 'metric');
  }
  if (typeof identifier === 'string') {
    if (Object.hasOwn(statefulFactories, identifier)) {
      return statefulFactories[identifier as StatefulMetricName]();
    }
    if (isMetricFunctionName(identifier)) {
      const { key, metric } = getMetric(identifier, context);
      return new MeanMetricWrapper(metric, key);
    }
  }
  const known = [...metricFunctionNames(), ...Object.keys(statefulFactories)];
  throw new InvalidArgumentError(
    `${context}: unknown metric '${String(identifier)}', expected one of ${known.join(', ')}, a function or a Metric object`,
  );
}
