import { mean, type Tensor, variance } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { getInitializer } from './get-initializer';
import { varianceScaling } from './variance-scaling';

function varianceOf(value: Tensor): number {
  const result = variance(value).dataSync()[0];
  expect(Math.abs(mean(value).dataSync()[0])).toBeLessThan(0.1 * Math.sqrt(result));
  value.dispose();
  return result;
}

describe('varianceScaling', () => {
  // A [3, 3, 20, 30] kernel: fanIn 180, fanOut 270.
  for (const { distribution, mode, fan } of [
    { distribution: 'normal', mode: 'fanOut', fan: 270 },
    { distribution: 'uniform', mode: 'fanAvg', fan: 225 },
    { distribution: 'truncatedNormal', mode: 'fanIn', fan: 180 },
  ] as const) {
    it(`${distribution} over ${mode} has variance scale / fan`, () => {
      const measured = varianceOf(varianceScaling({ scale: 3, mode, distribution, seed: 9 })([3, 3, 20, 30]));
      expect(measured / (3 / fan)).toBeGreaterThan(0.95);
      expect(measured / (3 / fan)).toBeLessThan(1.05);
    });
  }

  it('defaults to scale 1, fanIn, truncated normal (as Keras) and is registered by name', () => {
    const measured = varianceOf(getInitializer('varianceScaling', 'test')([200, 300]));
    expect(measured * 200).toBeGreaterThan(0.95);
    expect(measured * 200).toBeLessThan(1.05);
  });

  it('rejects bad options', () => {
    expect(() => varianceScaling({ scale: 0 })).toThrow(
      /varianceScaling: scale must be a positive finite number, got 0/,
    );
    expect(() => varianceScaling({ mode: 'fanMax' as 'fanIn' })).toThrow(/varianceScaling: mode must be one of/);
    expect(() => varianceScaling({ distribution: 'cauchy' as 'normal' })).toThrow(/distribution must be one of/);
  });
});
