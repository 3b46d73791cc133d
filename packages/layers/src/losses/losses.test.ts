import * as tf from '@tensorflow/tfjs';
import { memory, sigmoid, softmax, type Tensor, tensor, tidy } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryAccuracy } from '../metrics/binary-accuracy';
import { categoricalAccuracy } from '../metrics/categorical-accuracy';
import { sparseCategoricalAccuracy } from '../metrics/sparse-categorical-accuracy';
import { binaryCrossentropy } from './binary-crossentropy';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanSquaredError } from './mean-squared-error';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

const batch = 6;
const classes = 4;

function randomValues(count: number, scale = 1): Float32Array {
  return Float32Array.from({ length: count }, () => (Math.random() * 2 - 1) * scale);
}

function scalarOf(value: Tensor): number {
  const result = value.dataSync()[0];
  value.dispose();
  return result;
}

/** Keras reduces a per-example loss by its mean over the batch. */
function tfjsMean(value: tf.Tensor): number {
  return tf.mean(value).dataSync()[0];
}

const labels = Int32Array.from({ length: batch }, (_, position) => position % classes);
const oneHotRows = Float32Array.from({ length: batch * classes }, (_, position) =>
  labels[Math.floor(position / classes)] === position % classes ? 1 : 0,
);
const logits = randomValues(batch * classes, 4);
const binaryLabels = Float32Array.from({ length: batch * 2 }, (_, position) => (position % 3 === 0 ? 1 : 0));
const binaryLogits = randomValues(batch * 2, 6);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('losses against tf.metrics / tf.losses', () => {
  it('meanSquaredError and meanAbsoluteError', () => {
    const truth = randomValues(batch * 3);
    const prediction = randomValues(batch * 3);
    const [yTrue, yPred] = [tensor(truth, [batch, 3]), tensor(prediction, [batch, 3])];
    const [tfTrue, tfPred] = [tf.tensor(truth, [batch, 3]), tf.tensor(prediction, [batch, 3])];
    expect(scalarOf(meanSquaredError(yTrue, yPred))).toBeCloseTo(
      tfjsMean(tf.metrics.meanSquaredError(tfTrue, tfPred)),
      5,
    );
    expect(scalarOf(meanAbsoluteError(yTrue, yPred))).toBeCloseTo(
      tfjsMean(tf.metrics.meanAbsoluteError(tfTrue, tfPred)),
      5,
    );
  });

  it('binaryCrossentropy on probabilities and from logits', () => {
    const probabilities = tf.sigmoid(tf.tensor(binaryLogits, [batch, 2]));
    const expected = tfjsMean(tf.metrics.binaryCrossentropy(tf.tensor(binaryLabels, [batch, 2]), probabilities));
    const yTrue = tensor(binaryLabels, [batch, 2]);
    const yLogits = tensor(binaryLogits, [batch, 2]);
    const fromProbabilities = scalarOf(binaryCrossentropy(yTrue, tensor(probabilities.dataSync(), [batch, 2])));
    const fromLogits = scalarOf(binaryCrossentropy(yTrue, yLogits, { fromLogits: true }));
    expect(fromProbabilities).toBeCloseTo(expected, 4);
    expect(fromLogits).toBeCloseTo(
      tf.losses
        .sigmoidCrossEntropy(tf.tensor(binaryLabels, [batch, 2]), tf.tensor(binaryLogits, [batch, 2]))
        .dataSync()[0],
      5,
    );
    expect(fromLogits).toBeCloseTo(fromProbabilities, 3);
  });

  it('binaryCrossentropy from logits stays finite where the sigmoid saturates', () => {
    const value = scalarOf(binaryCrossentropy(tensor([[1], [0]]), tensor([[-200], [200]]), { fromLogits: true }));
    expect(value).toBeCloseTo(200, 3);
  });

  it('categoricalCrossentropy on probabilities and from logits', () => {
    const probabilities = tf.softmax(tf.tensor(logits, [batch, classes]));
    const expected = tfjsMean(
      tf.metrics.categoricalCrossentropy(tf.tensor(oneHotRows, [batch, classes]), probabilities),
    );
    const yTrue = tensor(oneHotRows, [batch, classes]);
    const fromProbabilities = scalarOf(
      tidy(() => categoricalCrossentropy(yTrue, softmax(tensor(logits, [batch, classes])))),
    );
    const fromLogits = scalarOf(categoricalCrossentropy(yTrue, tensor(logits, [batch, classes]), { fromLogits: true }));
    expect(fromProbabilities).toBeCloseTo(expected, 4);
    expect(fromLogits).toBeCloseTo(
      tf.losses
        .softmaxCrossEntropy(tf.tensor(oneHotRows, [batch, classes]), tf.tensor(logits, [batch, classes]))
        .dataSync()[0],
      5,
    );
    expect(
      scalarOf(categoricalCrossentropy(tensor([[0, 1]]), tensor([[1000, -1000]]), { fromLogits: true })),
    ).toBeCloseTo(2000, 0);
  });

  it('sparseCategoricalCrossentropy equals the categorical loss on one-hot labels, for [batch] and [batch, 1] labels', () => {
    const yTrue = tensor(oneHotRows, [batch, classes]);
    const yLogits = tensor(logits, [batch, classes]);
    const expected = scalarOf(categoricalCrossentropy(yTrue, yLogits, { fromLogits: true }));
    expect(
      scalarOf(sparseCategoricalCrossentropy(tensor(labels, [batch], 'int32'), yLogits, { fromLogits: true })),
    ).toBeCloseTo(expected, 5);
    expect(
      scalarOf(
        sparseCategoricalCrossentropy(tensor(Float32Array.from(labels), [batch, 1]), yLogits, { fromLogits: true }),
      ),
    ).toBeCloseTo(expected, 5);
    const probabilities = tidy(() => softmax(yLogits));
    expect(scalarOf(sparseCategoricalCrossentropy(tensor(labels, [batch], 'int32'), probabilities))).toBeCloseTo(
      expected,
      4,
    );
  });

  it('rejects mismatched shapes naming the loss and both shapes', () => {
    expect(() => meanSquaredError(tensor([[1, 2]]), tensor([[1, 2, 3]]))).toThrow(
      'meanSquaredError: yTrue and yPred must have the same shape, got yTrue=[1,2] yPred=[1,3]',
    );
    expect(() =>
      sparseCategoricalCrossentropy(tensor([1, 2, 3], [3], 'int32'), tensor(logits, [batch, classes])),
    ).toThrow(/sparseCategoricalCrossentropy: yTrue must hold one class index per example/);
  });

  it('leaks no tensors', () => {
    const yTrue = tensor(oneHotRows, [batch, classes]);
    const yLogits = tensor(logits, [batch, classes]);
    const yLabels = tensor(labels, [batch], 'int32');
    const yProbabilities = sigmoid(yLogits);
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) {
      scalarOf(categoricalCrossentropy(yTrue, yLogits, { fromLogits: true }));
      scalarOf(sparseCategoricalCrossentropy(yLabels, yLogits));
      scalarOf(binaryCrossentropy(yTrue, yProbabilities));
      scalarOf(binaryCrossentropy(yTrue, yLogits, { fromLogits: true }));
    }
    expect(memory().numTensors).toBe(before);
  });
});

describe('metrics against tf.metrics', () => {
  it('binary, categorical and sparse categorical accuracy', () => {
    const probabilities = tf.sigmoid(tf.tensor(binaryLogits, [batch, 2]));
    expect(
      scalarOf(binaryAccuracy(tensor(binaryLabels, [batch, 2]), tensor(probabilities.dataSync(), [batch, 2]))),
    ).toBeCloseTo(tfjsMean(tf.metrics.binaryAccuracy(tf.tensor(binaryLabels, [batch, 2]), probabilities)), 6);
    const tfTrue = tf.tensor(oneHotRows, [batch, classes]);
    const tfLogits = tf.tensor(logits, [batch, classes]);
    const expected = tfjsMean(tf.metrics.categoricalAccuracy(tfTrue, tfLogits));
    expect(
      scalarOf(categoricalAccuracy(tensor(oneHotRows, [batch, classes]), tensor(logits, [batch, classes]))),
    ).toBeCloseTo(expected, 6);
    expect(
      scalarOf(sparseCategoricalAccuracy(tensor(labels, [batch], 'int32'), tensor(logits, [batch, classes]))),
    ).toBeCloseTo(
      tfjsMean(tf.metrics.sparseCategoricalAccuracy(tf.tensor(Float32Array.from(labels), [batch, 1]), tfLogits)),
      6,
    );
  });
});
