import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import { memory } from '../memory/memory';
import type { Tensor } from '../tensor';
import { argMax } from './arg-max';
import { dot } from './dot';
import { expandDims } from './expand-dims';
import { flatten } from './flatten';
import { logSumExp } from './log-sum-exp';
import { mean } from './mean';
import { moments } from './moments';
import { outer } from './outer';
import { reverse } from './reverse';
import { split } from './split';
import { squeeze } from './squeeze';
import { stack } from './stack';
import { sum } from './sum';
import { tensor } from './tensor';
import { tile } from './tile';
import { unstack } from './unstack';
import { variance } from './variance';

type Outputs = Tensor | Tensor[] | { mean: Tensor; variance: Tensor };

const listOf = (outputs: Outputs): Tensor[] =>
  Array.isArray(outputs)
    ? outputs
    : 'mean' in outputs && !('dataId' in outputs)
      ? [outputs.mean, outputs.variance]
      : [outputs as Tensor];

// Composed ops create intermediates; outside a tidy only their results may remain.
const CASES: Array<[string, (x: Tensor) => Outputs]> = [
  ['mean', (x) => mean(x, 1)],
  ['variance', (x) => variance(x, 0, true)],
  ['moments', (x) => moments(x, [0, 1])],
  ['logSumExp', (x) => logSumExp(x, -1)],
  ['argMax', (x) => argMax(x, 1)],
  ['argMax of bool', (x) => argMax(tensor([0, 1, 1, 0, 0, 1], x.shape, 'bool'), 1)],
  ['flatten', (x) => flatten(x)],
  ['expandDims', (x) => expandDims(x, 1)],
  ['squeeze', (x) => squeeze(expandDims(x, 0))],
  ['stack', (x) => stack([x, x, x], 1)],
  ['unstack', (x) => unstack(x, 1)],
  ['split', (x) => split(x, [1, -1], 1)],
  ['tile', (x) => tile(x, [2, 3])],
  ['reverse', (x) => reverse(x)],
  ['dot', (x) => dot(x, tensor([1, 2, 3]))],
  ['outer', (x) => outer(flatten(x), tensor([1, 2]))],
];

describe('composed ops outside a tidy', () => {
  for (const [name, run] of CASES) {
    it(`${name} leaves only its results behind`, () => {
      const x = tensor([1, 5, 2, 4, 3, 0], [2, 3]);
      const before = memory().numTensors;
      const outputs = listOf(run(x));
      // Helper tensors the cases themselves create: squeeze's expandDims, the bool input, dot's vector, outer's two operands.
      const helpers = { squeeze: 1, 'argMax of bool': 1, dot: 1, outer: 2 }[name] ?? 0;
      expect(memory().numTensors - before).toBe(outputs.length + helpers);
      for (const output of outputs) output.dispose();
      x.dispose();
    });
  }

  it('still differentiates (the tape keeps the intermediates it needs)', () => {
    const x = tensor([1, 5, 2, 4, 3, 0], [2, 3]);
    const before = memory().numTensors;
    const gradient = grad((input) => sum(logSumExp(tile(reverse(input, 1), [1, 2]), 1)))(x);
    expect(gradient.shape).toEqual([2, 3]);
    expect(memory().numTensors - before).toBe(1);
    gradient.dispose();
    x.dispose();
  });
});
