import { describe, expect, it } from 'vitest';
import { valueAndGrads } from '../autograd/value-and-grads';
import { variableGrads } from '../autograd/variable-grads';
import { add } from '../ops/add';
import { matmul } from '../ops/matmul';
import { mean } from '../ops/mean';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import { sub } from '../ops/sub';
import { tanh } from '../ops/tanh';
import { tensor } from '../ops/tensor';
import { variable } from '../ops/variable';
import type { Tensor } from '../tensor';
import { randomValues, seededRandom } from '../test-utils/oracle';
import { memory } from './memory';
import { tidy } from './tidy';

const LEARNING_RATE = 0.05;

/** A small regression problem: y = tanh(x·W_true) with 8 samples of 4 features and 3 targets. */
function problem(seed: number): { inputs: Tensor; targets: Tensor } {
  const random = seededRandom(seed);
  const inputValues = randomValues(8 * 4, random, -1, 1);
  const trueWeights = randomValues(4 * 3, random, -1, 1);
  const targetValues: number[] = [];
  for (let row = 0; row < 8; row++) {
    for (let column = 0; column < 3; column++) {
      let total = 0;
      for (let inner = 0; inner < 4; inner++) total += inputValues[row * 4 + inner] * trueWeights[inner * 3 + column];
      targetValues.push(Math.tanh(total));
    }
  }
  return { inputs: tensor(inputValues, [8, 4]), targets: tensor(targetValues, [8, 3]) };
}

describe('a training loop leaks nothing', () => {
  it('1000 steps of valueAndGrads + SGD on variables keep numTensors and numBytes exactly flat', () => {
    const { inputs, targets } = problem(41);
    const weights = variable(tensor(randomValues(12, seededRandom(42), -0.1, 0.1), [4, 3]), { name: 'loop/weights' });
    const bias = variable(tensor([0, 0, 0]), { name: 'loop/bias' });
    const loss = (w: Tensor, b: Tensor) => mean(square(sub(tanh(add(matmul(inputs, w), b)), targets)));
    const step = () =>
      tidy(() => {
        const { value, grads } = valueAndGrads(loss)([weights, bias]);
        weights.assign(sub(weights, mul(grads[0], LEARNING_RATE)));
        bias.assign(sub(bias, mul(grads[1], LEARNING_RATE)));
        return value.dataSync()[0];
      });

    // One step first, so that anything created lazily on first use (the backend, caches) is already there.
    const firstLoss = step();
    const before = memory();
    let lastLoss = firstLoss;
    for (let iteration = 0; iteration < 1000; iteration++) lastLoss = step();
    const after = memory();

    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.backend.numBuffers).toBe(before.backend.numBuffers);
    // The loop really trained, so the memory check covered real gradient work.
    expect(lastLoss).toBeLessThan(firstLoss / 4);
  });

  it('200 steps of variableGrads + SGD also stay flat', () => {
    const { inputs, targets } = problem(43);
    const weights = variable(tensor(randomValues(12, seededRandom(44), -0.1, 0.1), [4, 3]), { name: 'loop2/weights' });
    const variables = [weights];
    const step = () =>
      tidy(() => {
        const { grads } = variableGrads(() => mean(square(sub(tanh(matmul(inputs, weights)), targets))), variables);
        weights.assign(sub(weights, mul(grads['loop2/weights'], LEARNING_RATE)));
      });
    // After the first assign the variable no longer shares the initial tensor's buffer; measure from there.
    step();
    const before = memory();
    for (let iteration = 0; iteration < 200; iteration++) step();
    const after = memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });
});
