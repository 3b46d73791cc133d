import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, memory, type Tensor, tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getRegularizer } from './get-regularizer';
import { l1 } from './l1';
import { l1l2 } from './l1l2';
import { l2 } from './l2';

const values = [0.5, -1.5, 2, -0.25, 0, 3];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function reference(l1Factor: number, l2Factor: number): number {
  return (
    tf.regularizers.l1l2({ l1: l1Factor, l2: l2Factor }).apply(tf.tensor(values, [2, 3])) as tf.Tensor
  ).dataSync()[0];
}

describe('regularizers', () => {
  for (const { name, make, l1Factor, l2Factor } of [
    { name: 'l1', make: () => l1({ l1: 0.3 }), l1Factor: 0.3, l2Factor: 0 },
    { name: 'l2', make: () => l2({ l2: 0.2 }), l1Factor: 0, l2Factor: 0.2 },
    { name: 'l1l2', make: () => l1l2({ l1: 0.1, l2: 0.05 }), l1Factor: 0.1, l2Factor: 0.05 },
    { name: 'l1l2 defaults', make: () => l1l2(), l1Factor: 0.01, l2Factor: 0.01 },
  ]) {
    it(`${name} matches tf.regularizers.l1l2 and the formula`, () => {
      const penalty = make()(tensor(values, [2, 3]));
      const formula = values.reduce((total, value) => total + l1Factor * Math.abs(value) + l2Factor * value * value, 0);
      expect(penalty.shape).toEqual([]);
      expect(penalty.dataSync()[0]).toBeCloseTo(formula, 5);
      expect(penalty.dataSync()[0]).toBeCloseTo(reference(l1Factor, l2Factor), 5);
      penalty.dispose();
    });
  }

  it('records its config and rebuilds from it, a name or itself', () => {
    expect(l1({ l1: 0.3 }).config).toEqual({ name: 'l1', l1: 0.3 });
    expect(l2().config).toEqual({ name: 'l2', l2: 0.01 });
    expect(l1l2({ l1: 0.1 }).config).toEqual({ name: 'l1l2', l1: 0.1, l2: 0.01 });
    const original = l1l2({ l1: 0.1, l2: 0.05 });
    const rebuilt = getRegularizer(original.config, 'test');
    expect(rebuilt.config).toEqual(original.config);
    expect(rebuilt(tensor(values)).dataSync()[0]).toBeCloseTo(original(tensor(values)).dataSync()[0], 6);
    expect(getRegularizer('l2', 'test').config).toEqual({ name: 'l2', l2: 0.01 });
    expect(getRegularizer(original, 'test')).toBe(original);
  });

  it('leaks no intermediate tensors', () => {
    const weight = tensor(values);
    const regularizer = l1l2();
    const before = memory().numTensors;
    regularizer(weight).dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('rejects unknown names, bad factors and functions without a config', () => {
    expect(() => getRegularizer('l3' as 'l1', 'Dense')).toThrow(InvalidArgumentError);
    expect(() => getRegularizer('l3' as 'l1', 'Dense')).toThrow(/Dense: unknown regularizer "l3"/);
    expect(() => getRegularizer({ name: 'l2', l2: 'big' }, 'Dense')).toThrow(/Dense: regularizer l2 must be a number/);
    expect(() => l2({ l2: -1 })).toThrow(/l2: l2 must be a non-negative finite number, got -1/);
    const bare = ((weight: Tensor) => weight) as unknown as Parameters<typeof getRegularizer>[0];
    expect(() => getRegularizer(bare, 'Conv2D')).toThrow(/Conv2D: a regularizer function needs a config/);
  });
});
