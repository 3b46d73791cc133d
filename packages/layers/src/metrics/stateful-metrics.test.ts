import * as tf from '@tensorflow/tfjs';
import { memory, tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Auc, auc } from './auc';
import { falseNegatives, falsePositives, trueNegatives, truePositives } from './confusion-count-metric';
import { precision } from './precision';
import { recall } from './recall';

function uniform(count: number): Float32Array {
  return Float32Array.from({ length: count }, () => Math.random());
}

function randomLabels(count: number, positiveRate = 0.4): Float32Array {
  return Float32Array.from({ length: count }, () => (Math.random() < positiveRate ? 1 : 0));
}

/** Scores that lean towards the label, so AUC is informative (neither 0.5 nor 1). */
function noisyScores(labels: Float32Array): Float32Array {
  return Float32Array.from(labels, (label) => Math.min(1, Math.max(0, 0.35 * label + 0.65 * Math.random())));
}

/** Exact ROC AUC in float64: the probability that a positive outranks a negative, ties counting half. */
function exactRocAuc(labels: Float32Array, scores: Float32Array): number {
  let wins = 0;
  let pairs = 0;
  for (let positive = 0; positive < labels.length; positive++) {
    if (labels[positive] !== 1) continue;
    for (let negative = 0; negative < labels.length; negative++) {
      if (labels[negative] !== 0) continue;
      pairs++;
      wins += scores[positive] > scores[negative] ? 1 : scores[positive] === scores[negative] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

/** Exact average precision in float64 (step-wise area under the PR curve over distinct scores). */
function averagePrecision(labels: Float32Array, scores: Float32Array): number {
  const order = Array.from(labels.keys()).sort((a, b) => scores[b] - scores[a]);
  const positives = labels.reduce((total, label) => total + label, 0);
  let truePositive = 0;
  let area = 0;
  for (let rank = 0; rank < order.length; rank++) {
    if (labels[order[rank]] === 1) {
      truePositive++;
      area += truePositive / (rank + 1) / positives;
    }
  }
  return area;
}

/** Float64 counts at threshold t: predicted positive when score > t. */
function referenceCounts(labels: Float32Array, scores: Float32Array, threshold: number) {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  labels.forEach((label, index) => {
    const predicted = scores[index] > threshold;
    if (label === 1 && predicted) tp++;
    else if (label === 1) fn++;
    else if (predicted) fp++;
    else tn++;
  });
  return { tp, fp, tn, fn };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('precision and recall', () => {
  it('equal tf.metrics.precision / recall on one batch of 0/1 predictions', async () => {
    for (let repeat = 0; repeat < 5; repeat++) {
      const labels = randomLabels(24);
      const predictions = randomLabels(24, 0.5);
      for (const [metric, oracle] of [
        [precision(), tf.metrics.precision],
        [recall(), tf.metrics.recall],
      ] as const) {
        await metric.update(tensor(labels, [12, 2]), tensor(predictions, [12, 2]));
        const expected = oracle(tf.tensor(labels, [12, 2]), tf.tensor(predictions, [12, 2])).dataSync()[0];
        expect(metric.result()).toBeCloseTo(expected, 6);
      }
    }
  });

  it('accumulate over several batches like a float64 reference, at the given threshold and classId', async () => {
    const threshold = 0.3;
    const batches = [7, 16, 3].map((rows) => {
      const labels = randomLabels(rows * 3);
      return { rows, labels, scores: noisyScores(labels) };
    });
    const metrics = {
      precision: precision({ thresholds: threshold }),
      recall: recall({ thresholds: threshold }),
      classPrecision: precision({ thresholds: threshold, classId: 1, name: 'precision_1' }),
      tp: truePositives({ thresholds: threshold }),
      fp: falsePositives({ thresholds: threshold }),
      tn: trueNegatives({ thresholds: threshold }),
      fn: falseNegatives({ thresholds: threshold }),
    };
    for (const { rows, labels, scores } of batches) {
      for (const metric of Object.values(metrics))
        await metric.update(tensor(labels, [rows, 3]), tensor(scores, [rows, 3]));
    }
    const allLabels = Float32Array.from(batches.flatMap(({ labels }) => [...labels]));
    const allScores = Float32Array.from(batches.flatMap(({ scores }) => [...scores]));
    const { tp, fp, tn, fn } = referenceCounts(allLabels, allScores, threshold);
    expect(metrics.precision.result()).toBeCloseTo(tp / (tp + fp), 12);
    expect(metrics.recall.result()).toBeCloseTo(tp / (tp + fn), 12);
    expect([metrics.tp.result(), metrics.fp.result(), metrics.tn.result(), metrics.fn.result()]).toEqual([
      tp,
      fp,
      tn,
      fn,
    ]);
    const classOne = referenceCounts(
      allLabels.filter((_, index) => index % 3 === 1),
      allScores.filter((_, index) => index % 3 === 1),
      threshold,
    );
    expect(metrics.classPrecision.name).toBe('precision_1');
    expect(metrics.classPrecision.result()).toBeCloseTo(classOne.tp / (classOne.tp + classOne.fp), 12);
    metrics.precision.reset();
    expect(metrics.precision.result()).toBe(0);
  });

  it('predictions equal to the threshold are negative; non-zero labels are positive (as Keras)', async () => {
    const metric = truePositives();
    await metric.update(tensor([[1], [2], [1]]), tensor([[0.5], [0.7], [0.2]]));
    expect(metric.result()).toBe(1);
    const negatives = falseNegatives();
    await negatives.update(tensor([[1], [2], [1]]), tensor([[0.5], [0.7], [0.2]]));
    expect(negatives.result()).toBe(2);
  });

  it('rejects bad options and shapes with typed errors naming the metric', async () => {
    expect(() => precision({ thresholds: 1.5 })).toThrow('precision: thresholds must lie in [0, 1], got 1.5');
    expect(() => recall({ classId: -1 })).toThrow('recall: classId must be a non-negative integer, got -1');
    await expect(precision({ classId: 3 }).update(tensor([[1, 0]]), tensor([[1, 0]]))).rejects.toThrow(
      'precision: classId 3 is out of range for yPred=[1,2] (2 classes)',
    );
    await expect(recall().update(tensor([[1, 0]]), tensor([[1, 0, 1]]))).rejects.toThrow(
      'recall: yTrue and yPred must have the same shape, got yTrue=[1,2] yPred=[1,3]',
    );
  });
});

describe('auc', () => {
  it('hand-computed small cases', async () => {
    const perfect = auc();
    await perfect.update(tensor([0, 0, 1, 1]), tensor([0.1, 0.4, 0.6, 0.9]));
    expect(perfect.result()).toBeCloseTo(1, 6);
    const inverted = auc();
    await inverted.update(tensor([1, 1, 0, 0]), tensor([0.1, 0.4, 0.6, 0.9]));
    expect(inverted.result()).toBeCloseTo(0, 6);
    // One of the four positive/negative pairs is misordered: 0.75.
    const threeQuarters = auc();
    await threeQuarters.update(tensor([0, 1, 0, 1]), tensor([0.1, 0.35, 0.4, 0.8]));
    expect(threeQuarters.result()).toBeCloseTo(0.75, 6);
    // All scores tied: the ROC is the diagonal.
    const tied = auc();
    await tied.update(tensor([0, 1, 0, 1]), tensor([0.5, 0.5, 0.5, 0.5]));
    expect(tied.result()).toBeCloseTo(0.5, 6);
    // Three thresholds (−ε, 0.5, 1+ε): ROC points (1,1), (0.5,1), (0,0): area 0.5·1 + 0.5·0.5 = 0.75.
    const coarse = auc({ numThresholds: 3 });
    await coarse.update(tensor([0, 1, 0, 1]), tensor([0.2, 0.6, 0.7, 0.9]));
    expect(coarse.result()).toBeCloseTo(0.75, 6);
    // Riemann sums at the same points: minoring 0.5·1 + 0.5·0 = 0.5, majoring 1.
    const minoring = auc({ numThresholds: 3, summationMethod: 'minoring' });
    const majoring = auc({ numThresholds: 3, summationMethod: 'majoring' });
    for (const metric of [minoring, majoring]) await metric.update(tensor([0, 1, 0, 1]), tensor([0.2, 0.6, 0.7, 0.9]));
    expect(minoring.result()).toBeCloseTo(0.5, 6);
    expect(majoring.result()).toBeCloseTo(1, 6);
  });

  it('ROC AUC over several batches is within 1e-2 of the exact float64 rank AUC', async () => {
    for (let repeat = 0; repeat < 3; repeat++) {
      const metric = auc();
      const allLabels: number[] = [];
      const allScores: number[] = [];
      for (const rows of [50, 120, 31]) {
        const labels = randomLabels(rows);
        const scores = noisyScores(labels);
        await metric.update(tensor(labels, [rows, 1]), tensor(scores, [rows, 1]));
        allLabels.push(...labels);
        allScores.push(...scores);
      }
      const exact = exactRocAuc(Float32Array.from(allLabels), Float32Array.from(allScores));
      expect(exact).toBeGreaterThan(0.6);
      expect(exact).toBeLessThan(0.97);
      expect(Math.abs(metric.result() - exact)).toBeLessThan(1e-2);
    }
  });

  it('PR AUC (Davis & Goadrich interpolation) is close to the exact average precision', async () => {
    const labels = randomLabels(600);
    const scores = noisyScores(labels);
    const metric = auc({ curve: 'PR', numThresholds: 1000 });
    await metric.update(tensor(labels), tensor(scores));
    expect(Math.abs(metric.result() - averagePrecision(labels, scores))).toBeLessThan(2e-2);
    // A perfect ranking: PR points (recall, precision) = (1, 1), (0.5, 1) and, above the top score, (0, 0), where
    // Keras defines precision as 0 (nothing predicted positive). Interpolation and majoring give 1; minoring
    // takes the 0 on the last step and gives 0.5, exactly as Keras does.
    const expectedAreas = { interpolation: 1, majoring: 1, minoring: 0.5 };
    for (const [summationMethod, expected] of Object.entries(expectedAreas)) {
      const perfect = auc({ curve: 'PR', summationMethod: summationMethod as keyof typeof expectedAreas });
      await perfect.update(tensor([0, 0, 1, 1]), tensor([0.1, 0.4, 0.6, 0.9]));
      expect(perfect.result()).toBeCloseTo(expected, 5);
    }
  });

  it('rejects bad options and keeps no tensors', async () => {
    expect(() => auc({ numThresholds: 1 })).toThrow('auc: numThresholds must be an integer greater than 1, got 1');
    expect(() => new Auc({ curve: 'XY' as 'ROC' })).toThrow("auc: curve must be 'ROC' or 'PR', got 'XY'");
    const yTrue = tensor(randomLabels(40), [20, 2]);
    const yPred = tensor(uniform(40), [20, 2]);
    const before = memory().numTensors;
    const metrics = [auc(), auc({ curve: 'PR' }), precision(), recall({ classId: 1 }), trueNegatives()];
    for (let repeat = 0; repeat < 3; repeat++) {
      for (const metric of metrics) {
        await metric.update(yTrue, yPred);
        metric.result();
      }
    }
    expect(memory().numTensors).toBe(before);
  });
});
