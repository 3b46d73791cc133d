import { memory, setSeed, type Tensor, tensor, tidy, variableGrads } from '@tessera/core';
import { adam } from '@tessera/optimizers';
import { describe, expect, it } from 'vitest';
import { Dense } from '../layers/dense';
import { sparseCategoricalCrossentropy } from '../losses/sparse-categorical-crossentropy';
import { Sequential } from './sequential';

describe('a custom training loop (the README pattern)', () => {
  it('trains with variableGrads + optimizer.step on model.trainableWeights, and leaks nothing', () => {
    setSeed(2);
    const model = new Sequential([
      new Dense({ units: 8, activation: 'relu', inputShape: [2] }),
      new Dense({ units: 2, activation: 'softmax' }),
    ]);
    model.build([null, 2]);
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([0, 1, 1, 0], [4], 'int32');
    const optimizer = adam({ learningRate: 0.05 });
    const losses: number[] = [];
    const step = () =>
      tidy(() => {
        const { value, grads } = variableGrads(
          () => sparseCategoricalCrossentropy(y, model.apply(x, { training: true }) as Tensor),
          model.trainableWeights,
        );
        optimizer.step(grads);
        losses.push(value.dataSync()[0]);
      });
    step();
    const before = memory().numTensors;
    for (let iteration = 0; iteration < 200; iteration++) step();
    expect(memory().numTensors).toBe(before);
    expect(losses[losses.length - 1]).toBeLessThan(0.2 * losses[0]);
    optimizer.dispose();
    model.dispose();
    x.dispose();
    y.dispose();
  });
});
