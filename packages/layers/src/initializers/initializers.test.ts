import { mean, type Tensor, variance } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { computeFans } from './compute-fans';
import { constant } from './constant';
import { getInitializer } from './get-initializer';
import { glorotNormal } from './glorot-normal';
import { glorotUniform } from './glorot-uniform';
import { heNormal } from './he-normal';
import { heUniform } from './he-uniform';
import { lecunNormal } from './lecun-normal';

function statistics(value: Tensor): { mean: number; variance: number; maxAbs: number } {
  const result = {
    mean: mean(value).dataSync()[0],
    variance: variance(value).dataSync()[0],
    maxAbs: Math.max(...Array.from(value.dataSync(), Math.abs)),
  };
  value.dispose();
  return result;
}

describe('initializers', () => {
  it('computes fans like Keras for dense and convolution kernels', () => {
    expect(computeFans([20, 30])).toEqual({ fanIn: 20, fanOut: 30 });
    expect(computeFans([3, 3, 8, 16])).toEqual({ fanIn: 72, fanOut: 144 });
  });

  // Target variances: glorot 2 / (in + out), he 2 / in, lecun 1 / in, for a [200, 300] kernel.
  const cases = [
    { name: 'glorotUniform', make: glorotUniform, variance: 2 / 500, limit: Math.sqrt(6 / 500) },
    { name: 'glorotNormal', make: glorotNormal, variance: 2 / 500, limit: (2 * Math.sqrt(2 / 500)) / 0.8796 },
    { name: 'heUniform', make: heUniform, variance: 2 / 200, limit: Math.sqrt(6 / 200) },
    { name: 'heNormal', make: heNormal, variance: 2 / 200, limit: (2 * Math.sqrt(2 / 200)) / 0.8796 },
    { name: 'lecunNormal', make: lecunNormal, variance: 1 / 200, limit: (2 * Math.sqrt(1 / 200)) / 0.8796 },
  ];
  for (const { name, make, variance: expected, limit } of cases) {
    it(`${name} has the target variance and bounds, and a seed repeats the draw`, () => {
      const stats = statistics(make({ seed: 5 })([200, 300]));
      expect(Math.abs(stats.mean)).toBeLessThan(0.01 * Math.sqrt(expected) * 10);
      expect(stats.variance / expected).toBeGreaterThan(0.95);
      expect(stats.variance / expected).toBeLessThan(1.05);
      expect(stats.maxAbs).toBeLessThanOrEqual(limit * 1.0001);
      const first = make({ seed: 5 })([4, 4]);
      const second = make({ seed: 5 })([4, 4]);
      expect(Array.from(first.dataSync())).toEqual(Array.from(second.dataSync()));
      first.dispose();
      second.dispose();
    });
  }

  it('resolves names and rejects unknown ones', () => {
    const value = getInitializer('ones', 'test')([2]);
    expect(Array.from(value.dataSync())).toEqual([1, 1]);
    expect(Array.from(constant({ value: 3 })([2]).dataSync())).toEqual([3, 3]);
    expect(() => getInitializer('nope' as 'ones', 'Dense')).toThrow(/Dense: unknown initializer 'nope'/);
    expect(() => constant({ value: Number.NaN })).toThrow(/constant: value must be a finite number, got NaN/);
  });
});
