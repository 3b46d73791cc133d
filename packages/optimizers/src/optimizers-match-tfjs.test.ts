import * as tf from '@tensorflow/tfjs';
import { dispose, memory, type Tensor, tensor, tidy, type Variable, variable } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import type { Optimizer } from './optimizer';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

const shapes: number[][] = [[3, 4], [5]];

/** Deterministic gradients with a spread of magnitudes and signs, different every step. */
function gradientValues(step: number, size: number, salt: number): number[] {
  return Array.from({ length: size }, (_, index) => Math.sin(1.3 * index + 0.7 * step + salt) * (1 + (index % 3)));
}

function initialValues(size: number, salt: number): number[] {
  return Array.from({ length: size }, (_, index) => Math.cos(0.9 * index + salt));
}

let runCounter = 0;

/** Runs 20 steps on the same weights and gradients with both libraries and returns the largest difference. */
async function largestDifference(ours: Optimizer, theirs: tf.Optimizer): Promise<number> {
  const run = runCounter++;
  const size = (shape: number[]) => shape.reduce((product, dimension) => product * dimension, 1);
  const ourVariables: Variable[] = shapes.map((shape, salt) =>
    tidy(() => variable(tensor(initialValues(size(shape), salt), shape), { name: `match_${run}_${salt}` })),
  );
  const theirVariables = shapes.map((shape, salt) =>
    tf.variable(tf.tensor(initialValues(size(shape), salt), shape), true, `tf_match_${run}_${salt}`),
  );
  for (let step = 0; step < 20; step++) {
    const ourGradients = new Map<Variable, Tensor>();
    const theirGradients: Record<string, tf.Tensor> = {};
    shapes.forEach((shape, salt) => {
      const values = gradientValues(step, size(shape), salt);
      ourGradients.set(ourVariables[salt], tensor(values, shape));
      theirGradients[theirVariables[salt].name] = tf.tensor(values, shape);
    });
    ours.step(ourGradients);
    theirs.applyGradients(theirGradients);
    dispose([...ourGradients.values()]);
    tf.dispose(Object.values(theirGradients));
  }
  let largest = 0;
  for (let index = 0; index < shapes.length; index++) {
    const ourValues = await ourVariables[index].data();
    const theirValues = await theirVariables[index].data();
    ourValues.forEach((value, position) => {
      largest = Math.max(largest, Math.abs(value - theirValues[position]));
    });
  }
  ours.dispose();
  theirs.dispose();
  dispose(ourVariables);
  tf.dispose(theirVariables);
  return largest;
}

// Adadelta is checked against a float64 reference instead: tfjs 4.22 divides by the accumulated squared
// gradient from before this step's update, where Zeiler's paper and Keras use the updated one.
describe('optimizers match tfjs over 20 steps', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: Array<[string, () => Optimizer, () => tf.Optimizer]> = [
    ['sgd', () => sgd({ learningRate: 0.1 }), () => tf.train.sgd(0.1)],
    ['sgd momentum', () => sgd({ learningRate: 0.05, momentum: 0.9 }), () => tf.train.momentum(0.05, 0.9)],
    [
      'sgd nesterov',
      () => sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
      () => tf.train.momentum(0.05, 0.9, true),
    ],
    ['adam', () => adam({ learningRate: 0.01 }), () => tf.train.adam(0.01)],
    ['adam betas', () => adam({ learningRate: 0.02, beta1: 0.8, beta2: 0.99 }), () => tf.train.adam(0.02, 0.8, 0.99)],
    ['adamax', () => adamax({ learningRate: 0.01 }), () => tf.train.adamax(0.01, 0.9, 0.999)],
    ['rmsprop', () => rmsprop({ learningRate: 0.01 }), () => tf.train.rmsprop(0.01)],
    [
      'rmsprop momentum',
      () => rmsprop({ learningRate: 0.01, rho: 0.8, momentum: 0.5 }),
      () => tf.train.rmsprop(0.01, 0.8, 0.5),
    ],
    ['adagrad', () => adagrad({ learningRate: 0.1 }), () => tf.train.adagrad(0.1, 0.1)],
  ];

  for (const [label, makeOurs, makeTheirs] of cases) {
    it(`${label} stays within 1e-5 of tfjs`, async () => {
      const before = memory().numTensors;
      expect(await largestDifference(makeOurs(), makeTheirs())).toBeLessThan(1e-5);
      expect(memory().numTensors).toBe(before);
    });
  }
});
