import type { Tensor } from '@tessera/core';
import { ConfusionAccumulator } from './confusion-accumulator';
import type { Metric } from './metric';
import type { ThresholdMetricOptions } from './precision';

/** tp / (tp + fn) over everything seen since `reset`, 0 while no positive label was seen (as Keras). */
export class Recall implements Metric {
  readonly name: string;
  private readonly confusion: ConfusionAccumulator;

  constructor(options: ThresholdMetricOptions = {}) {
    this.name = options.name ?? 'recall';
    this.confusion = new ConfusionAccumulator([options.thresholds ?? 0.5], options.classId, this.name);
  }

  reset(): void {
    this.confusion.reset();
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    this.confusion.update(yTrue, yPred);
  }

  result(): number {
    const { truePositives, falseNegatives } = this.confusion.counts();
    const actualPositive = truePositives[0] + falseNegatives[0];
    return actualPositive === 0 ? 0 : truePositives[0] / actualPositive;
  }
}

export function recall(options: ThresholdMetricOptions = {}): Recall {
  return new Recall(options);
}
