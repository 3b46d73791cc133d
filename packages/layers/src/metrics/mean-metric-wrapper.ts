import { type Tensor, tidy } from '@tessera/core';
import type { MetricFunction } from './get-metric';
import type { Metric } from './metric';

/**
 * Turns a per-batch metric function into an accumulating Metric: the example-weighted mean of its batch values,
 * so a short last batch counts for what it holds. A function returning per-example values is averaged first.
 */
export class MeanMetricWrapper implements Metric {
  readonly name: string;
  private readonly metricFunction: MetricFunction;
  private weightedTotal = 0;
  private exampleCount = 0;

  constructor(metricFunction: MetricFunction, name: string) {
    this.metricFunction = metricFunction;
    this.name = name;
  }

  reset(): void {
    this.weightedTotal = 0;
    this.exampleCount = 0;
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    const values = tidy(() => this.metricFunction(yTrue, yPred));
    const data = values.dataSync();
    values.dispose();
    let total = 0;
    for (const value of data) total += Number(value);
    const batchValue = data.length === 0 ? 0 : total / data.length;
    const batchSize = yPred.rank === 0 ? 1 : yPred.shape[0];
    this.weightedTotal += batchValue * batchSize;
    this.exampleCount += batchSize;
  }

  /** The mean so far; 0 before any update. */
  result(): number {
    return this.exampleCount === 0 ? 0 : this.weightedTotal / this.exampleCount;
  }
}
