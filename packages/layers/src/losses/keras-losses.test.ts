import * as tf from '@tensorflow/tfjs';
import { memory, type Tensor, tensor, valueAndGrad } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoricalHinge } from './categorical-hinge';
import { cosineSimilarity } from './cosine-similarity';
import { getLoss, type LossName } from './get-loss';
import { hinge } from './hinge';
import { huber } from './huber';
import { kullbackLeiblerDivergence } from './kullback-leibler-divergence';
import { logCosh } from './log-cosh';
import type { LossFunction } from './loss-function';
import { meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';

const shape = [5, 4];
const size = 20;

function uniform(count: number, low: number, high: number): Float32Array {
  return Float32Array.from({ length: count }, () => low + Math.random() * (high - low));
}

/** Rows that sum to 1, with one exact zero per row so the clipping path is exercised. */
function distributions(count: number, columns: number): Float32Array {
  const values = uniform(count, 0.05, 1);
  for (let row = 0; row < count / columns; row++) {
    values[row * columns + (row % columns)] = 0;
    let total = 0;
    for (let column = 0; column < columns; column++) total += values[row * columns + column];
    for (let column = 0; column < columns; column++) values[row * columns + column] /= total;
  }
  return values;
}

function oneHot(rows: number, columns: number): Float32Array {
  return Float32Array.from({ length: rows * columns }, (_, position) =>
    Math.floor(position / columns) % columns === position % columns ? 1 : 0,
  );
}

function scalarOf(value: Tensor): number {
  const result = value.dataSync()[0];
  value.dispose();
  return result;
}

/** tfjs-layers' own loss by name (Keras semantics: per-example loss, batch mean), through a linear model. */
function tfjsLayersLoss(name: string, yTrue: Float32Array, yPred: Float32Array): number {
  const model = tf.sequential({ layers: [tf.layers.activation({ activation: 'linear', inputShape: [shape[1]] })] });
  model.compile({ optimizer: 'sgd', loss: name });
  const result = model.evaluate(tf.tensor(yPred, shape), tf.tensor(yTrue, shape), { batchSize: shape[0] }) as tf.Scalar;
  return result.dataSync()[0];
}

function ours(loss: LossFunction, yTrue: Float32Array, yPred: Float32Array): number {
  return scalarOf(loss(tensor(yTrue, shape), tensor(yPred, shape)));
}

/** d loss / d yPred through the tape against central differences of the float32 loss. */
function expectGradientMatchesFiniteDifferences(loss: LossFunction, yTrue: Float32Array, yPred: Float32Array): void {
  const truth = tensor(yTrue, shape);
  const { value, grad } = valueAndGrad((prediction: Tensor) => loss(truth, prediction))(tensor(yPred, shape));
  const analytic = grad.dataSync();
  value.dispose();
  grad.dispose();
  const step = 1e-3;
  for (let position = 0; position < size; position++) {
    const plus = Float32Array.from(yPred);
    const minus = Float32Array.from(yPred);
    plus[position] += step;
    minus[position] -= step;
    const numeric = (ours(loss, yTrue, plus) - ours(loss, yTrue, minus)) / (2 * step);
    expect(analytic[position]).toBeCloseTo(numeric, 3);
  }
  truth.dispose();
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Keras losses against tfjs', () => {
  it('huber equals tf.losses.huberLoss (whose default reduction is the mean over all elements)', () => {
    for (const delta of [1, 0.3, 2.5]) {
      const yTrue = uniform(size, -2, 2);
      const yPred = uniform(size, -2, 2);
      const expected = tf.losses.huberLoss(tf.tensor(yTrue, shape), tf.tensor(yPred, shape), undefined, delta);
      expect(ours(huber({ delta }), yTrue, yPred)).toBeCloseTo(expected.dataSync()[0], 5);
      expect(scalarOf(huber(tensor(yTrue, shape), tensor(yPred, shape), { delta }))).toBeCloseTo(
        expected.dataSync()[0],
        5,
      );
    }
  });

  it('huber by hand: 0.5·e² inside delta, delta·(|e| − delta/2) outside', () => {
    const value = scalarOf(huber(tensor([[0, 0]]), tensor([[0.5, -3]])));
    expect(value).toBeCloseTo((0.5 * 0.25 + (3 - 0.5)) / 2, 6);
  });

  it('kullbackLeiblerDivergence equals tfjs-layers (clipped to [1e-7, 1])', () => {
    const yTrue = distributions(size, shape[1]);
    const yPred = distributions(size, shape[1]);
    expect(ours(kullbackLeiblerDivergence, yTrue, yPred)).toBeCloseTo(
      tfjsLayersLoss('kullbackLeiblerDivergence', yTrue, yPred),
      5,
    );
    expect(ours(kullbackLeiblerDivergence, yTrue, yTrue)).toBeCloseTo(0, 6);
  });

  it('logCosh, meanSquaredLogarithmicError, hinge and categoricalHinge equal tfjs-layers', () => {
    const yTrue = uniform(size, -3, 3);
    const yPred = uniform(size, -3, 3);
    expect(ours(logCosh, yTrue, yPred)).toBeCloseTo(tfjsLayersLoss('logcosh', yTrue, yPred), 5);
    const positiveTrue = uniform(size, 0, 5);
    const positivePred = uniform(size, -0.5, 5);
    expect(ours(meanSquaredLogarithmicError, positiveTrue, positivePred)).toBeCloseTo(
      tfjsLayersLoss('meanSquaredLogarithmicError', positiveTrue, positivePred),
      5,
    );
    const signedLabels = Float32Array.from(yTrue, (value) => (value > 0 ? 1 : -1));
    expect(ours(hinge, signedLabels, yPred)).toBeCloseTo(tfjsLayersLoss('hinge', signedLabels, yPred), 5);
    const labels = oneHot(shape[0], shape[1]);
    expect(ours(categoricalHinge, labels, yPred)).toBeCloseTo(tfjsLayersLoss('categoricalHinge', labels, yPred), 5);
  });

  it('hinge maps 0/1 labels to ±1 as Keras does (like tf.losses.hingeLoss; unlike tfjs-layers)', () => {
    const yPred = uniform(size, -2, 2);
    const binaryLabels = Float32Array.from({ length: size }, (_, position) => position % 2);
    const signedLabels = Float32Array.from(binaryLabels, (value) => 2 * value - 1);
    const expected = tf.losses.hingeLoss(tf.tensor(binaryLabels, shape), tf.tensor(yPred, shape)).dataSync()[0];
    expect(ours(hinge, binaryLabels, yPred)).toBeCloseTo(expected, 5);
    expect(ours(hinge, binaryLabels, yPred)).toBeCloseTo(ours(hinge, signedLabels, yPred), 6);
  });

  it('cosineSimilarity is −mean cosine (tfjs-layers cosineProximity) on any axis; tf.losses.cosineDistance is 1 − Σab', () => {
    const yTrue = uniform(size, -1, 1);
    const yPred = uniform(size, -1, 1);
    expect(ours(cosineSimilarity(), yTrue, yPred)).toBeCloseTo(tfjsLayersLoss('cosineProximity', yTrue, yPred), 5);
    const unitTrue = tf.tensor(yTrue, shape).div(tf.tensor(yTrue, shape).norm('euclidean', 0, true));
    const unitPred = tf.tensor(yPred, shape).div(tf.tensor(yPred, shape).norm('euclidean', 0, true));
    const distance = tf.losses.cosineDistance(unitTrue, unitPred, 0).dataSync()[0];
    expect(ours(cosineSimilarity({ axis: 0 }), yTrue, yPred)).toBeCloseTo(distance - 1, 5);
    expect(ours(cosineSimilarity(), yTrue, yTrue)).toBeCloseTo(-1, 5);
    expect(scalarOf(cosineSimilarity(tensor([[0, 0]]), tensor([[1, 2]])))).toBeCloseTo(0, 7);
  });
});

describe('Keras losses: gradients, names, errors, memory', () => {
  const cases: Array<[string, LossFunction, () => [Float32Array, Float32Array]]> = [
    ['huber', huber({ delta: 0.7 }), () => [uniform(size, -2, 2), uniform(size, -2, 2)]],
    ['kullbackLeiblerDivergence', kullbackLeiblerDivergence, () => [distributions(size, 4), uniform(size, 0.1, 0.9)]],
    ['cosineSimilarity', cosineSimilarity(), () => [uniform(size, -1, 1), uniform(size, -1, 1)]],
    ['logCosh', logCosh, () => [uniform(size, -3, 3), uniform(size, -3, 3)]],
    ['meanSquaredLogarithmicError', meanSquaredLogarithmicError, () => [uniform(size, 0, 3), uniform(size, 0.1, 3)]],
    ['hinge', hinge, () => [Float32Array.from({ length: size }, (_, i) => (i % 2) * 2 - 1), uniform(size, -3, 3)]],
    ['categoricalHinge', categoricalHinge, () => [oneHot(5, 4), uniform(size, -3, 3)]],
  ];

  for (const [name, loss, makeInputs] of cases) {
    it(`${name}: gradient with respect to yPred matches central differences`, () => {
      const [yTrue, yPred] = makeInputs();
      expectGradientMatchesFiniteDifferences(loss, yTrue, yPred);
    });
  }

  it('every new loss is reachable by name through getLoss and gives the same value', () => {
    const yTrue = distributions(size, 4);
    const yPred = distributions(size, 4);
    for (const [name, loss] of cases) {
      const byName = getLoss(name as LossName, 'compile');
      const expected = name === 'huber' ? ours(huber(), yTrue, yPred) : ours(loss, yTrue, yPred);
      expect(ours(byName, yTrue, yPred)).toBeCloseTo(expected, 6);
    }
  });

  it('rejects bad options and mismatched shapes naming the loss', () => {
    expect(() => huber({ delta: 0 })).toThrow('huber: delta must be a positive finite number, got 0');
    expect(() => kullbackLeiblerDivergence(tensor([[1, 0]]), tensor([[1]]))).toThrow(
      'kullbackLeiblerDivergence: yTrue and yPred must have the same shape, got yTrue=[1,2] yPred=[1,1]',
    );
    expect(() => cosineSimilarity(tensor([[1, 0]]), tensor([[0, 1]]), { axis: 2 })).toThrow(
      'cosineSimilarity: axis must be an integer in [-2, 1] for rank 2, got 2',
    );
    expect(() => getLoss('huberr' as LossName, 'compile')).toThrow(/compile: unknown loss 'huberr'/);
  });

  it('leaks no tensors', () => {
    const yTrue = tensor(distributions(size, 4), shape);
    const yPred = tensor(distributions(size, 4), shape);
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) {
      for (const [, loss] of cases) scalarOf(loss(yTrue, yPred));
    }
    expect(memory().numTensors).toBe(before);
  });
});
