import type { ConfusionCounts } from './confusion-accumulator';
import { ThresholdMetric, type ThresholdMetricOptions } from './threshold-metric';

/** tp / (tp + fn) over everything seen since `reset`, 0 while no positive label was seen (as Keras). */
export class Recall extends ThresholdMetric {
  constructor(options: ThresholdMetricOptions = {}) {
    super('recall', options);
  }

  protected fromCounts({ truePositives, falseNegatives }: ConfusionCounts): number {
    const actualPositive = truePositives[0] + falseNegatives[0];
    return actualPositive === 0 ? 0 : truePositives[0] / actualPositive;
  }
}

export function recall(options: ThresholdMetricOptions = {}): Recall {
  return new Recall(options);
}
