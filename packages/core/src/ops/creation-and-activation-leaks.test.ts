import { describe, expect, it } from 'vitest';
import { memory } from '../memory/memory';
import type { Tensor } from '../tensor';
import { clipByValue } from './clip-by-value';
import { dropout } from './dropout';
import { elu } from './elu';
import { eye } from './eye';
import { gelu } from './gelu';
import { leakyRelu } from './leaky-relu';
import { linspace } from './linspace';
import { oneHot } from './one-hot';
import { randomNormal } from './random-normal';
import { randomUniform } from './random-uniform';
import { range } from './range';
import { relu6 } from './relu6';
import { selu } from './selu';
import { silu } from './silu';
import { softplus } from './softplus';
import { tensor } from './tensor';
import { truncatedNormal } from './truncated-normal';

const CASES: Array<[string, (x: Tensor) => Tensor]> = [
  ['range', () => range(0, 5)],
  ['linspace', () => linspace(0, 1, 5)],
  ['eye', () => eye(3, 3, [2])],
  ['oneHot of an array', () => oneHot([0, 2, 1], 3)],
  ['randomUniform', () => randomUniform([4, 3], 0, 1, 'float32', { seed: 1 })],
  ['randomUniform int32', () => randomUniform([4, 3], -5, 5, 'int32', { seed: 1 })],
  ['randomNormal', () => randomNormal([5], 0, 1, 'int32', { seed: 1 })],
  ['truncatedNormal', () => truncatedNormal([5], 0, 1, 'float32', { seed: 1 })],
  ['dropout', (x) => dropout(x, 0.5, { seed: 1 })],
  ['relu6', relu6],
  ['leakyRelu', (x) => leakyRelu(x)],
  ['elu', elu],
  ['selu', selu],
  ['gelu', (x) => gelu(x)],
  ['gelu tanh', (x) => gelu(x, true)],
  ['softplus', softplus],
  ['silu', silu],
  ['clipByValue', (x) => clipByValue(x, -1, 1)],
  ['relu6 of an array', () => relu6([-1, 3, 8])],
  ['clipByValue of an array', () => clipByValue([-1, 3, 8], 0, 2)],
  ['dropout of an array', () => dropout([1, 2, 3], 0.5, { seed: 2 })],
  ['dropout with rate 0', (x) => dropout(x, 0)],
  ['gelu of an array', () => gelu([1, 2])],
];

describe('creation, random and activation ops', () => {
  it.each(CASES)('%s leaves only its result behind', (_, op) => {
    const x = tensor([-2, -0.5, 0, 0.5, 2, 7]);
    const before = memory().numTensors;
    const result = op(x);
    expect(memory().numTensors).toBe(before + 1);
    result.dispose();
    expect(memory().numTensors).toBe(before);
    x.dispose();
  });
});
