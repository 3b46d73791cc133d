import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, memory, type Tensor, tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Constraint } from './constraint';
import { getConstraint } from './get-constraint';
import { maxNorm } from './max-norm';
import { minMaxNorm } from './min-max-norm';
import { nonNeg } from './non-neg';
import { unitNorm } from './unit-norm';

const shape = [2, 3, 4];
const values = Array.from({ length: 24 }, (_, position) => Math.sin(position * 1.7) * (1 + (position % 5)));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function expectClose(actual: Tensor, expected: tf.Tensor): void {
  expect(actual.shape).toEqual(expected.shape);
  const want = expected.dataSync();
  actual.dataSync().forEach((value, position) => {
    expect(Math.abs(value - want[position])).toBeLessThan(1e-5 * (1 + Math.abs(want[position])));
  });
}

describe('constraints', () => {
  const cases: Array<{ name: string; ours: () => Constraint; theirs: () => { apply(weight: tf.Tensor): tf.Tensor } }> =
    [
      { name: 'maxNorm default', ours: () => maxNorm(), theirs: () => tf.constraints.maxNorm({}) },
      {
        name: 'maxNorm axis 1',
        ours: () => maxNorm({ maxValue: 1.5, axis: 1 }),
        theirs: () => tf.constraints.maxNorm({ maxValue: 1.5, axis: 1 }),
      },
      {
        name: 'maxNorm axes [0, 1]',
        ours: () => maxNorm({ maxValue: 3, axis: [0, 1] }),
        theirs: () => tf.constraints.maxNorm({ maxValue: 3, axis: [0, 1] as unknown as number }),
      },
      { name: 'nonNeg', ours: () => nonNeg(), theirs: () => tf.constraints.nonNeg() },
      {
        name: 'unitNorm axis 2',
        ours: () => unitNorm({ axis: 2 }),
        theirs: () => tf.constraints.unitNorm({ axis: 2 }),
      },
      {
        name: 'minMaxNorm',
        ours: () => minMaxNorm({ minValue: 2, maxValue: 4, rate: 0.7, axis: 0 }),
        theirs: () => tf.constraints.minMaxNorm({ minValue: 2, maxValue: 4, rate: 0.7, axis: 0 }),
      },
    ];
  for (const { name, ours, theirs } of cases) {
    it(`${name} matches tf.constraints and survives a config round trip`, () => {
      const expected = theirs().apply(tf.tensor(values, shape));
      const constraint = ours();
      expectClose(constraint(tensor(values, shape)), expected);
      const rebuilt = getConstraint(JSON.parse(JSON.stringify(constraint.config)), 'test');
      expect(rebuilt.config).toEqual(constraint.config);
      expectClose(rebuilt(tensor(values, shape)), expected);
    });
  }

  it('maxNorm leaves small columns alone and caps large ones at maxValue', () => {
    const result = maxNorm({ maxValue: 1 })(tensor([0.3, 3, 0.4, 4], [2, 2])).dataSync();
    expect(result[0]).toBeCloseTo(0.3, 5);
    expect(result[2]).toBeCloseTo(0.4, 5);
    expect(Math.hypot(result[1], result[3])).toBeCloseTo(1, 5);
  });

  it('records configs, resolves names and leaks nothing', () => {
    expect(maxNorm().config).toEqual({ name: 'maxNorm', maxValue: 2, axis: 0 });
    expect(getConstraint('nonNeg', 'test').config).toEqual({ name: 'nonNeg' });
    const weight = tensor(values, shape);
    const before = memory().numTensors;
    for (const constraint of [maxNorm(), unitNorm(), nonNeg(), minMaxNorm()]) constraint(weight).dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('rejects bad options with the factory name', () => {
    expect(() => maxNorm({ maxValue: -1 })).toThrow(/maxNorm: maxValue must be a non-negative finite number, got -1/);
    expect(() => unitNorm({ axis: 0.5 })).toThrow(/unitNorm: axis must be an integer or a list of integers, got 0.5/);
    expect(() => minMaxNorm({ minValue: 3, maxValue: 1 })).toThrow(/minMaxNorm: expected minValue <= maxValue/);
    expect(() => getConstraint('clip' as 'nonNeg', 'Dense')).toThrow(InvalidArgumentError);
    expect(() => getConstraint({ name: 'clip' }, 'Dense')).toThrow(/Dense: unknown constraint/);
  });
});
