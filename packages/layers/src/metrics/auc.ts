import { InvalidArgumentError, type Tensor } from '@tessera/core';
import { ConfusionAccumulator, type ConfusionCounts } from './confusion-accumulator';
import type { Metric } from './metric';

export interface AucOptions {
  /** How many thresholds discretize [0, 1]; more is closer to the exact area and costs only memory. */
  numThresholds?: number;
  /** 'ROC': true-positive rate over false-positive rate; 'PR': precision over recall. */
  curve?: 'ROC' | 'PR';
  /**
   * 'interpolation' (Keras's default): trapezoids for ROC, Davis & Goadrich's interpolation for PR (a straight
   * line in precision is wrong between PR points); 'minoring' / 'majoring': Riemann sums with the lower / upper
   * of the two heights.
   */
  summationMethod?: 'interpolation' | 'minoring' | 'majoring';
  /** Count only this entry of the last axis. */
  classId?: number;
  name?: string;
}

/**
 * The area under the ROC or PR curve, approximated as Keras does from a confusion matrix at `numThresholds`
 * evenly spaced thresholds: (i)/(n − 1) for the inner ones and −1e-7, 1 + 1e-7 at the ends, so that predictions of
 * exactly 0 and 1 fall inside. Counts accumulate across batches, so the epoch's value is exact for those thresholds.
 */
export class Auc implements Metric {
  readonly name: string;
  readonly curve: 'ROC' | 'PR';
  readonly summationMethod: 'interpolation' | 'minoring' | 'majoring';
  private readonly confusion: ConfusionAccumulator;

  constructor(options: AucOptions = {}) {
    this.name = options.name ?? 'auc';
    const numThresholds = options.numThresholds ?? 200;
    if (!(Number.isInteger(numThresholds) && numThresholds > 1)) {
      throw new InvalidArgumentError(
        `${this.name}: numThresholds must be an integer greater than 1, got ${numThresholds}`,
      );
    }
    this.curve = options.curve ?? 'ROC';
    if (this.curve !== 'ROC' && this.curve !== 'PR') {
      throw new InvalidArgumentError(`${this.name}: curve must be 'ROC' or 'PR', got '${String(this.curve)}'`);
    }
    this.summationMethod = options.summationMethod ?? 'interpolation';
    if (!['interpolation', 'minoring', 'majoring'].includes(this.summationMethod)) {
      throw new InvalidArgumentError(
        `${this.name}: summationMethod must be 'interpolation', 'minoring' or 'majoring', got '${String(this.summationMethod)}'`,
      );
    }
    const epsilon = 1e-7;
    const inner = Array.from({ length: numThresholds - 2 }, (_, index) => (index + 1) / (numThresholds - 1));
    this.confusion = new ConfusionAccumulator([-epsilon, ...inner, 1 + epsilon], options.classId, this.name);
  }

  reset(): void {
    this.confusion.reset();
  }

  update(yTrue: Tensor, yPred: Tensor): Promise<void> {
    return this.confusion.update(yTrue, yPred);
  }

  result(): number {
    const counts = this.confusion.counts();
    if (this.curve === 'PR' && this.summationMethod === 'interpolation') return interpolatedPrArea(counts);
    const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = counts;
    const recall = tp.map((count, index) => divideOrZero(count, count + fn[index]));
    const x = this.curve === 'ROC' ? fp.map((count, index) => divideOrZero(count, count + tn[index])) : recall;
    const y = this.curve === 'ROC' ? recall : tp.map((count, index) => divideOrZero(count, count + fp[index]));
    let area = 0;
    // Thresholds ascend, so x descends: each step's width is x[i] − x[i + 1].
    for (let index = 0; index < x.length - 1; index++) {
      const height =
        this.summationMethod === 'interpolation'
          ? (y[index] + y[index + 1]) / 2
          : this.summationMethod === 'minoring'
            ? Math.min(y[index], y[index + 1])
            : Math.max(y[index], y[index + 1]);
      area += (x[index] - x[index + 1]) * height;
    }
    return area;
  }
}

export function auc(options: AucOptions = {}): Auc {
  return new Auc(options);
}

function divideOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Davis & Goadrich (2006): between two thresholds, true positives grow linearly with predicted positives p, so
 * precision = slope + intercept / p, whose integral over recall has the closed form below.
 */
function interpolatedPrArea({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: ConfusionCounts): number {
  let area = 0;
  for (let index = 0; index < tp.length - 1; index++) {
    const predictedHere = tp[index] + fp[index];
    const predictedNext = tp[index + 1] + fp[index + 1];
    const truePositiveStep = tp[index] - tp[index + 1];
    const slope = divideOrZero(truePositiveStep, Math.max(predictedHere - predictedNext, 0));
    const intercept = tp[index + 1] - slope * predictedNext;
    const ratio = predictedHere > 0 && predictedNext > 0 ? predictedHere / predictedNext : 1;
    area += divideOrZero(
      slope * (truePositiveStep + intercept * Math.log(ratio)),
      Math.max(tp[index + 1] + fn[index + 1], 0),
    );
  }
  return area;
}
