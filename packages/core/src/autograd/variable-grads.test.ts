import { afterEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { memory } from '../memory/memory';
import { add } from '../ops/add';
import { matmul } from '../ops/matmul';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import { variable } from '../ops/variable';
import { expectMatchesTf, pair, randomValues, seededRandom, tf } from '../test-utils/oracle';
import type { Variable } from '../variable';
import { variableGrads } from './variable-grads';

const created: Variable[] = [];
function track(value: Variable): Variable {
  created.push(value);
  return value;
}

afterEach(() => {
  for (const value of created.splice(0)) value.dispose();
});

describe('variableGrads', () => {
  it('differentiates with respect to every trainable variable by default, keyed by name', () => {
    const random = seededRandom(11);
    const weightValues = randomValues(6, random);
    const biasValues = randomValues(2, random);
    const inputValues = randomValues(3, random);
    const weights = track(variable(tensor(weightValues, [3, 2]), { name: 'dense/kernel' }));
    const bias = track(variable(tensor(biasValues, [2]), { name: 'dense/bias' }));
    const input = tensor(inputValues, [1, 3]);
    const { value, grads } = variableGrads(() => sum(square(add(matmul(input, weights), bias))));

    const weightsTf = tf.variable(tf.tensor(weightValues, [3, 2]), true, 'oracle/kernel');
    const biasTf = tf.variable(tf.tensor(biasValues, [2]), true, 'oracle/bias');
    const inputTf = tf.tensor(inputValues, [1, 3]);
    const expected = tf.variableGrads(
      () => tf.sum(tf.square(tf.add(tf.matMul(inputTf as tf.Tensor2D, weightsTf as tf.Tensor2D), biasTf))) as tf.Scalar,
      [weightsTf, biasTf],
    );
    expect(Object.keys(grads).sort()).toEqual(['dense/bias', 'dense/kernel']);
    expectMatchesTf(value, expected.value);
    expectMatchesTf(grads['dense/kernel'], expected.grads['oracle/kernel']);
    expectMatchesTf(grads['dense/bias'], expected.grads['oracle/bias']);
    weightsTf.dispose();
    biasTf.dispose();
  });

  it('leaves out non-trainable variables by default', () => {
    const trained = track(variable(tensor([1, 2]), { name: 'trained' }));
    const frozen = track(variable(tensor([3, 4]), { name: 'frozen', trainable: false }));
    const { grads } = variableGrads(() => sum(mul(trained, frozen)));
    expect(Object.keys(grads)).toEqual(['trained']);
    expect(Array.from(grads.trained.dataSync())).toEqual([3, 4]);
  });

  it('takes an explicit list, which may include a non-trainable variable', () => {
    const first = track(variable(tensor([1, 2]), { name: 'first' }));
    const second = track(variable(tensor([3, 4]), { name: 'second', trainable: false }));
    const { grads } = variableGrads(() => sum(mul(first, square(second))), [second]);
    expect(Object.keys(grads)).toEqual(['second']);
    expect(Array.from(grads.second.dataSync())).toEqual([6, 16]);
  });

  it('follows a change of the trainable flag', () => {
    const switched = track(variable(tensor([2]), { name: 'switched' }));
    const other = track(variable(tensor([5]), { name: 'other' }));
    switched.trainable = false;
    expect(Object.keys(variableGrads(() => sum(mul(switched, other))).grads)).toEqual(['other']);
    switched.trainable = true;
    expect(Object.keys(variableGrads(() => sum(mul(switched, other))).grads).sort()).toEqual(['other', 'switched']);
  });

  it('gives zeros to a trainable variable that the loss does not use', () => {
    const used = track(variable(tensor([1, 2]), { name: 'used' }));
    const unused = track(variable(tensor([[1, 2, 3]]), { name: 'unused' }));
    const { grads } = variableGrads(() => sum(square(used)));
    expect(unused.shape).toEqual([1, 3]);
    expect(grads.unused.shape).toEqual([1, 3]);
    expect(Array.from(grads.unused.dataSync())).toEqual([0, 0, 0]);
  });

  it('keeps only the value and one gradient per variable', () => {
    const first = track(variable(tensor([1, 2, 3]), { name: 'a' }));
    const second = track(variable(tensor([4, 5, 6]), { name: 'b' }));
    const before = memory().numTensors;
    const { value, grads } = variableGrads(() => sum(mul(square(first), second)));
    expect(memory().numTensors).toBe(before + 3);
    value.dispose();
    grads.a.dispose();
    grads.b.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('throws when there is nothing to differentiate', () => {
    const frozen = track(variable(tensor([1]), { name: 'only-frozen', trainable: false }));
    expect(() => variableGrads(() => sum(frozen))).toThrow(InvalidArgumentError);
    expect(() => variableGrads(() => sum(frozen))).toThrow(/variableGrads.*no trainable variables/);
  });
});

describe('variableGrads and the tfjs oracle on a tiny linear model', () => {
  it('matches tf.variableGrads for mean squared error', () => {
    const [x, xTf] = pair([1, 2, 3, 4, 5, 6], [3, 2]);
    const [target, targetTf] = pair([1, 0, -1], [3, 1]);
    const w = track(variable(tensor([0.5, -0.25], [2, 1]), { name: 'w' }));
    const wTf = tf.variable(tf.tensor([0.5, -0.25], [2, 1]), true, 'oracle/w');
    const { grads } = variableGrads(() => mul(sum(square(add(matmul(x, w), mul(target, -1)))), 1 / 3));
    const expected = tf.variableGrads(
      () =>
        tf.mul(
          tf.sum(tf.square(tf.sub(tf.matMul(xTf as tf.Tensor2D, wTf as tf.Tensor2D), targetTf))),
          1 / 3,
        ) as tf.Scalar,
      [wTf],
    );
    expectMatchesTf(grads.w, expected.grads['oracle/w'], { rtol: 1e-5 });
    wTf.dispose();
  });
});
