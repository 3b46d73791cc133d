import * as tf from '@tensorflow/tfjs';
import { memory, type Tensor, tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanSquaredError } from '../losses/mean-squared-error';
import { getMetric, type MetricName } from './get-metric';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { isMetric } from './metric';
import { precision } from './precision';
import { type MetricIdentifier, resolveMetric } from './resolve-metric';
import { sparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { topKCategoricalAccuracy } from './top-k-categorical-accuracy';

const batch = 12;
const classes = 7;

function scores(): Float32Array {
  return Float32Array.from({ length: batch * classes }, () => Math.random());
}

const labels = Int32Array.from({ length: batch }, (_, row) => (row * 3) % classes);
const oneHotRows = Float32Array.from({ length: batch * classes }, (_, position) =>
  labels[Math.floor(position / classes)] === position % classes ? 1 : 0,
);

function scalarOf(value: Tensor): number {
  const result = value.dataSync()[0];
  value.dispose();
  return result;
}

/** tfjs's inTopKAsync as the oracle: the fraction of rows whose label is among the k highest scores. */
async function tfjsTopK(predictions: Float32Array, k: number): Promise<number> {
  const hits = await tf.inTopKAsync(tf.tensor(predictions, [batch, classes]), tf.tensor1d(labels, 'int32'), k);
  return tf.mean(tf.cast(hits, 'float32')).dataSync()[0];
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('top-k categorical accuracy', () => {
  it('matches tf.inTopKAsync for several k, one-hot and sparse labels', async () => {
    for (const k of [1, 2, 5]) {
      const predictions = scores();
      const expected = await tfjsTopK(predictions, k);
      const yPred = tensor(predictions, [batch, classes]);
      expect(scalarOf(topKCategoricalAccuracy(tensor(oneHotRows, [batch, classes]), yPred, { k }))).toBeCloseTo(
        expected,
        6,
      );
      expect(scalarOf(topKCategoricalAccuracy({ k })(tensor(oneHotRows, [batch, classes]), yPred))).toBeCloseTo(
        expected,
        6,
      );
      expect(scalarOf(sparseTopKCategoricalAccuracy(tensor(labels, [batch], 'int32'), yPred, { k }))).toBeCloseTo(
        expected,
        6,
      );
      expect(
        scalarOf(sparseTopKCategoricalAccuracy({ k })(tensor(Float32Array.from(labels), [batch, 1]), yPred)),
      ).toBeCloseTo(expected, 6);
    }
  });

  it('defaults to k = 5 and counts ties at the k-th place as hits (TensorFlow in_top_k)', async () => {
    const yPred = tensor([[0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0]]);
    expect(scalarOf(sparseTopKCategoricalAccuracy(tensor([6], [1], 'int32'), yPred))).toBe(0);
    expect(scalarOf(sparseTopKCategoricalAccuracy(tensor([5], [1], 'int32'), yPred))).toBe(1);
    expect(scalarOf(sparseTopKCategoricalAccuracy(tensor([5], [1], 'int32'), yPred, { k: 2 }))).toBe(1);
    expect(scalarOf(sparseTopKCategoricalAccuracy(tensor([5], [1], 'int32'), yPred, { k: 1 }))).toBe(0);
  });

  it('rejects a bad k and mismatched shapes', async () => {
    expect(() => topKCategoricalAccuracy({ k: 0 })).toThrow(
      'topKCategoricalAccuracy: k must be a positive integer, got 0',
    );
    expect(() => sparseTopKCategoricalAccuracy(tensor([1]), tensor([[1, 2]]), { k: 1.5 })).toThrow(
      'sparseTopKCategoricalAccuracy: k must be a positive integer, got 1.5',
    );
    expect(() => topKCategoricalAccuracy(tensor([[1, 0]]), tensor([[1, 0, 0]]))).toThrow(
      'topKCategoricalAccuracy: yTrue and yPred must have the same shape',
    );
  });
});

describe('resolveMetric', () => {
  it('wraps functions into an example-weighted mean over batches of different sizes', async () => {
    const metric = resolveMetric(meanSquaredError, 'compile');
    expect(metric.name).toBe('meanSquaredError');
    await metric.update(tensor([[0], [0], [0]]), tensor([[1], [1], [1]]));
    await metric.update(tensor([[0]]), tensor([[3]]));
    expect(metric.result()).toBeCloseTo((3 * 1 + 9) / 4, 6);
    metric.reset();
    expect(metric.result()).toBe(0);
    expect(resolveMetric((yTrue: Tensor) => yTrue.clone(), 'compile').name).toBe('metric');
  });

  it('accepts every name, gives a fresh object per call, and keys results by the name given', async () => {
    const names: MetricIdentifier[] = [
      'accuracy',
      'binaryAccuracy',
      'categoricalAccuracy',
      'sparseCategoricalAccuracy',
      'meanSquaredError',
      'meanAbsoluteError',
      'topKCategoricalAccuracy',
      'sparseTopKCategoricalAccuracy',
      'acc',
      'mse',
      'mae',
      'precision',
      'recall',
      'auc',
      'truePositives',
      'falsePositives',
      'trueNegatives',
      'falseNegatives',
    ];
    for (const name of names) {
      const first = resolveMetric(name, 'compile');
      const second = resolveMetric(name, 'compile');
      expect(isMetric(first)).toBe(true);
      expect(first).not.toBe(second);
      expect(first.name).toBe(name);
    }
    const shared = precision();
    expect(resolveMetric(shared, 'compile')).toBe(shared);
  });

  it('stateful metrics resolved by name do not share counts', async () => {
    const first = resolveMetric('truePositives', 'compile');
    const second = resolveMetric('truePositives', 'compile');
    await first.update(tensor([[1], [1]]), tensor([[0.9], [0.8]]));
    expect(first.result()).toBe(2);
    expect(second.result()).toBe(0);
  });

  it('aliases give the same values as the full names; getMetric keeps working', async () => {
    const yTrue = tensor(oneHotRows, [batch, classes]);
    const yPred = tensor(scores(), [batch, classes]);
    for (const [alias, full] of [
      ['acc', 'accuracy'],
      ['mse', 'meanSquaredError'],
      ['mae', 'meanAbsoluteError'],
    ] as const) {
      const { key, metric } = getMetric(alias as MetricName, 'compile');
      expect(key).toBe(alias);
      expect(scalarOf(metric(yTrue, yPred))).toBeCloseTo(scalarOf(getMetric(full, 'compile').metric(yTrue, yPred)), 6);
    }
  });

  it('names unknown metrics and what is accepted', async () => {
    expect(() => resolveMetric('precission' as MetricIdentifier, 'compile')).toThrow(
      /compile: unknown metric 'precission', expected one of accuracy, .*precision, recall, auc.*a function or a Metric object/,
    );
  });

  it('the wrapper keeps no tensors', async () => {
    const yTrue = tensor(oneHotRows, [batch, classes]);
    const yPred = tensor(scores(), [batch, classes]);
    const metric = new MeanMetricWrapper(topKCategoricalAccuracy({ k: 3 }), 'top3');
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) await metric.update(yTrue, yPred);
    expect(memory().numTensors).toBe(before);
  });
});
