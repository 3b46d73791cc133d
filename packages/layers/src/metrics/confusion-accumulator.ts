import { InvalidArgumentError, ShapeError, type Tensor } from '@tessera/core';
import { formatSymbolicShape } from '../util/shape-format';

/** Counts at each threshold, as plain numbers; index i belongs to thresholds[i]. */
export interface ConfusionCounts {
  truePositives: number[];
  falsePositives: number[];
  trueNegatives: number[];
  falseNegatives: number[];
}

/**
 * Keras's thresholded confusion matrix, kept in plain JS numbers: a prediction is positive at threshold t when it
 * is strictly greater than t, a label is positive when it is non-zero. With `classId`, only that entry of the last
 * axis is counted (one class of a multi-label output). No tensor outlives `update`.
 */
export class ConfusionAccumulator {
  readonly thresholds: readonly number[];
  readonly classId: number | undefined;
  private readonly metricName: string;
  private positivesAbove: number[] = [];
  private negativesAbove: number[] = [];
  private positiveCount = 0;
  private negativeCount = 0;

  /** `thresholds` must be ascending; each is rounded to float32 so comparisons match float32 predictions. */
  constructor(thresholds: readonly number[], classId: number | undefined, metricName: string) {
    for (const threshold of thresholds) {
      if (!(threshold >= -1e-6 && threshold <= 1 + 1e-6)) {
        throw new InvalidArgumentError(`${metricName}: thresholds must lie in [0, 1], got ${threshold}`);
      }
    }
    if (classId !== undefined && !(Number.isInteger(classId) && classId >= 0)) {
      throw new InvalidArgumentError(`${metricName}: classId must be a non-negative integer, got ${classId}`);
    }
    this.thresholds = thresholds.map((threshold) => Math.fround(threshold));
    this.classId = classId;
    this.metricName = metricName;
    this.reset();
  }

  reset(): void {
    // Bucket b holds the examples whose prediction exceeds exactly the first b thresholds.
    this.positivesAbove = new Array<number>(this.thresholds.length + 1).fill(0);
    this.negativesAbove = new Array<number>(this.thresholds.length + 1).fill(0);
    this.positiveCount = 0;
    this.negativeCount = 0;
  }

  async update(yTrue: Tensor, yPred: Tensor): Promise<void> {
    this.checkShapes(yTrue, yPred);
    const [labels, predictions] = await Promise.all([yTrue.data(), yPred.data()]);
    const classes = yPred.rank === 0 ? 1 : yPred.shape[yPred.rank - 1];
    const start = this.classId ?? 0;
    const stride = this.classId === undefined ? 1 : classes;
    for (let position = start; position < predictions.length; position += stride) {
      const bucket = this.thresholdsBelow(Number(predictions[position]));
      if (Number(labels[position]) !== 0) {
        this.positivesAbove[bucket]++;
        this.positiveCount++;
      } else {
        this.negativesAbove[bucket]++;
        this.negativeCount++;
      }
    }
  }

  counts(): ConfusionCounts {
    const size = this.thresholds.length;
    const truePositives = new Array<number>(size);
    const falsePositives = new Array<number>(size);
    let positivesAbove = 0;
    let negativesAbove = 0;
    // Walking down from the top threshold: an example in bucket b is predicted positive at thresholds 0..b-1.
    for (let threshold = size - 1; threshold >= 0; threshold--) {
      positivesAbove += this.positivesAbove[threshold + 1];
      negativesAbove += this.negativesAbove[threshold + 1];
      truePositives[threshold] = positivesAbove;
      falsePositives[threshold] = negativesAbove;
    }
    return {
      truePositives,
      falsePositives,
      trueNegatives: falsePositives.map((count) => this.negativeCount - count),
      falseNegatives: truePositives.map((count) => this.positiveCount - count),
    };
  }

  /** How many thresholds lie strictly below the prediction (binary search; NaN is never above a threshold). */
  private thresholdsBelow(prediction: number): number {
    if (Number.isNaN(prediction)) return 0;
    let low = 0;
    let high = this.thresholds.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.thresholds[middle] < prediction) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private checkShapes(yTrue: Tensor, yPred: Tensor): void {
    const withoutUnitAxis = (shape: readonly number[]) =>
      shape.length > 1 && shape[shape.length - 1] === 1 ? shape.slice(0, -1) : shape;
    const trueShape = withoutUnitAxis(yTrue.shape);
    const predShape = withoutUnitAxis(yPred.shape);
    const same = trueShape.length === predShape.length && trueShape.every((size, axis) => size === predShape[axis]);
    if (!same) {
      throw new ShapeError(
        `${this.metricName}: yTrue and yPred must have the same shape, got yTrue=${formatSymbolicShape(yTrue.shape)} yPred=${formatSymbolicShape(yPred.shape)}`,
      );
    }
    const classes = yPred.rank === 0 ? 1 : yPred.shape[yPred.rank - 1];
    if (this.classId !== undefined && this.classId >= classes) {
      throw new InvalidArgumentError(
        `${this.metricName}: classId ${this.classId} is out of range for yPred=${formatSymbolicShape(yPred.shape)} (${classes} classes)`,
      );
    }
  }
}
