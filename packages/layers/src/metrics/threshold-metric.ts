import type { Tensor } from '@tessera/core';
import { ConfusionAccumulator, type ConfusionCounts } from './confusion-accumulator';
import type { Metric } from './metric';

export interface ThresholdMetricOptions {
  /** A prediction counts as positive when it is strictly greater than this; in [0, 1]. */
  thresholds?: number;
  /** Count only this entry of the last axis (one class of a multi-label output). */
  classId?: number;
  /** The key in logs and History. */
  name?: string;
}

/**
 * A metric computed from the confusion counts at one threshold, accumulated since `reset`: precision, recall and
 * the four counts differ only in how `result` combines them.
 */
export abstract class ThresholdMetric implements Metric {
  readonly name: string;
  private readonly confusion: ConfusionAccumulator;

  protected constructor(defaultName: string, options: ThresholdMetricOptions) {
    this.name = options.name ?? defaultName;
    this.confusion = new ConfusionAccumulator([options.thresholds ?? 0.5], options.classId, this.name);
  }

  reset(): void {
    this.confusion.reset();
  }

  update(yTrue: Tensor, yPred: Tensor): Promise<void> {
    return this.confusion.update(yTrue, yPred);
  }

  result(): number {
    return this.fromCounts(this.confusion.counts());
  }

  protected abstract fromCounts(counts: ConfusionCounts): number;
}
