import type { ConfusionCounts } from './confusion-accumulator';
import { ThresholdMetric, type ThresholdMetricOptions } from './threshold-metric';

/** Which cell of the confusion matrix a count metric reports. */
export type ConfusionCell = keyof ConfusionCounts;

/** One cell of the confusion matrix at one threshold, summed over everything seen since `reset`. */
export class ConfusionCountMetric extends ThresholdMetric {
  private readonly cell: ConfusionCell;

  constructor(cell: ConfusionCell, options: ThresholdMetricOptions = {}) {
    super(cell, options);
    this.cell = cell;
  }

  protected fromCounts(counts: ConfusionCounts): number {
    return counts[this.cell][0];
  }
}

export function truePositives(options: ThresholdMetricOptions = {}): ConfusionCountMetric {
  return new ConfusionCountMetric('truePositives', options);
}

export function falsePositives(options: ThresholdMetricOptions = {}): ConfusionCountMetric {
  return new ConfusionCountMetric('falsePositives', options);
}

export function trueNegatives(options: ThresholdMetricOptions = {}): ConfusionCountMetric {
  return new ConfusionCountMetric('trueNegatives', options);
}

export function falseNegatives(options: ThresholdMetricOptions = {}): ConfusionCountMetric {
  return new ConfusionCountMetric('falseNegatives', options);
}
