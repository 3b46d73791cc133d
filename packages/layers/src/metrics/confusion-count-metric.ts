import type { Tensor } from '@tessera/core';
import { ConfusionAccumulator, type ConfusionCounts } from './confusion-accumulator';
import type { Metric } from './metric';
import type { ThresholdMetricOptions } from './precision';

/** Which cell of the confusion matrix a count metric reports. */
export type ConfusionCell = keyof ConfusionCounts;

/** One cell of the confusion matrix at one threshold, summed over everything seen since `reset`. */
export class ConfusionCountMetric implements Metric {
  readonly name: string;
  private readonly cell: ConfusionCell;
  private readonly confusion: ConfusionAccumulator;

  constructor(cell: ConfusionCell, options: ThresholdMetricOptions = {}) {
    this.cell = cell;
    this.name = options.name ?? cell;
    this.confusion = new ConfusionAccumulator([options.thresholds ?? 0.5], options.classId, this.name);
  }

  reset(): void {
    this.confusion.reset();
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    this.confusion.update(yTrue, yPred);
  }

  result(): number {
    return this.confusion.counts()[this.cell][0];
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
