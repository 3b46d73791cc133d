import type { Tensor } from '@tessera/core';
import { ConfusionAccumulator } from './confusion-accumulator';
import type { Metric } from './metric';

export interface ThresholdMetricOptions {
  /** A prediction counts as positive when it is strictly greater than this; in [0, 1]. */
  thresholds?: number;
  /** Count only this entry of the last axis (one class of a multi-label output). */
  classId?: number;
  /** The key in logs and History. */
  name?: string;
}

/** tp / (tp + fp) over everything seen since `reset`, 0 while nothing was predicted positive (as Keras). */
export class Precision implements Metric {
  readonly name: string;
  private readonly confusion: ConfusionAccumulator;

  constructor(options: ThresholdMetricOptions = {}) {
    this.name = options.name ?? 'precision';
    this.confusion = new ConfusionAccumulator([options.thresholds ?? 0.5], options.classId, this.name);
  }

  reset(): void {
    this.confusion.reset();
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    this.confusion.update(yTrue, yPred);
  }

  result(): number {
    const { truePositives, falsePositives } = this.confusion.counts();
    const predictedPositive = truePositives[0] + falsePositives[0];
    return predictedPositive === 0 ? 0 : truePositives[0] / predictedPositive;
  }
}

export function precision(options: ThresholdMetricOptions = {}): Precision {
  return new Precision(options);
}
