import type { ConfusionCounts } from './confusion-accumulator';
import { ThresholdMetric, type ThresholdMetricOptions } from './threshold-metric';

export type { ThresholdMetricOptions } from './threshold-metric';

/** tp / (tp + fp) over everything seen since `reset`, 0 while nothing was predicted positive (as Keras). */
export class Precision extends ThresholdMetric {
  constructor(options: ThresholdMetricOptions = {}) {
    super('precision', options);
  }

  protected fromCounts({ truePositives, falsePositives }: ConfusionCounts): number {
    const predictedPositive = truePositives[0] + falsePositives[0];
    return predictedPositive === 0 ? 0 : truePositives[0] / predictedPositive;
  }
}

export function precision(options: ThresholdMetricOptions = {}): Precision {
  return new Precision(options);
}
