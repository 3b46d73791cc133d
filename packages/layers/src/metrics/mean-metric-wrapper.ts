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

  async update(yTrue: Tensor, yPred: Tensor): Promise<void> {
    const values = tidy(() => this.metricFunction(yTrue, yPred));
    let data: ArrayLike<number>;
    try {
      data = (await values.data()) as ArrayLike<number>;
    } finally {
      values.dispose();
    }
    let total = 0;
    for (let position = 0; position < data.length; position++) total += Number(data[position]);
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
