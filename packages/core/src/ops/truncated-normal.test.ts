import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { fillRandomBits } from '../random/philox';
import { seedToKey, setSeed } from '../random/random-state';
import { expectValuesClose } from '../test-utils/oracle';
import { sampleStatistics } from '../test-utils/sample-statistics';
import { truncatedNormal } from './truncated-normal';

/** erf in float64 by its Taylor series (enough terms for |x| ≤ 2). */
function erf(x: number): number {
  let term = x;
  let total = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(total); n++) {
    term *= (-x * x) / n;
    total += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * total;
}

/** erfinv by Newton's method on the float64 erf. */
function erfInverse(y: number): number {
  let x = 0;
  for (let step = 0; step < 60; step++) x -= (erf(x) - y) / ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
  return x;
}

/** The documented construction in float64: z = √2·erfinv(erf(√2)·v), v = (2k + 1 − 2^24)·2^-24. */
function referenceSamples(size: number, seed: number): number[] {
  const words = new Int32Array(size);
  fillRandomBits(words, seedToKey(seed), [0, 0]);
  return Array.from(words, (word) => {
    const symmetric = (2 * (word >>> 8) + 1 - 2 ** 24) * 2 ** -24;
    return Math.SQRT2 * erfInverse(erf(Math.SQRT2) * symmetric);
  });
}

describe('truncatedNormal', () => {
  it('follows the documented inverse-CDF construction', () => {
    const result = truncatedNormal([4, 50], 0, 1, 'float32', { seed: 3 });
    expect(result.shape).toEqual([4, 50]);
    expectValuesClose(Array.from(result.dataSync()), referenceSamples(200, 3), 1e-5, 1e-5);
  });

  it('stays within two standard deviations with the moments of the truncated normal', () => {
    const values = truncatedNormal([100000], 0, 1, 'float32', { seed: 4 }).dataSync();
    const { mean, std, min, max } = sampleStatistics(values);
    expect(min).toBeGreaterThanOrEqual(-2);
    expect(max).toBeLessThanOrEqual(2);
    expect(min).toBeLessThan(-1.99);
    expect(max).toBeGreaterThan(1.99);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(std - 0.8796)).toBeLessThan(0.02);
    // P(|z| < 1 | |z| < 2) = erf(1/√2) / erf(√2).
    const withinOneSigma = values.filter((value) => Math.abs(value) < 1).length / values.length;
    expect(Math.abs(withinOneSigma - 0.7152)).toBeLessThan(0.01);
  });

  it('applies mean and stdDev, keeping mean ± 2·stdDev', () => {
    const { mean, std, min, max } = sampleStatistics(
      truncatedNormal([100000], -5, 0.5, 'float32', { seed: 5 }).dataSync(),
    );
    expect(min).toBeGreaterThanOrEqual(-6);
    expect(max).toBeLessThanOrEqual(-4);
    expect(Math.abs(mean + 5)).toBeLessThan(0.01);
    expect(Math.abs(std - 0.4398)).toBeLessThan(0.01);
  });

  it('is reproducible with a seed and after setSeed', () => {
    const first = Array.from(truncatedNormal([20], 0, 1, 'float32', { seed: 8 }).dataSync());
    expect(Array.from(truncatedNormal([20], 0, 1, 'float32', { seed: 8 }).dataSync())).toEqual(first);
    expect(Array.from(truncatedNormal([20], 0, 1, 'float32', { seed: 7 }).dataSync())).not.toEqual(first);
    setSeed(99);
    const unseeded = Array.from(truncatedNormal([20]).dataSync());
    setSeed(99);
    expect(Array.from(truncatedNormal([20]).dataSync())).toEqual(unseeded);
  });

  it('rounds to int32 when asked', () => {
    const result = truncatedNormal([500], 0, 10, 'int32', { seed: 6 });
    expect(result.dtype).toBe('int32');
    for (const value of result.dataSync()) expect(Math.abs(value)).toBeLessThanOrEqual(20);
  });

  it('handles zero-size shapes and rejects bad parameters', () => {
    expect(truncatedNormal([3, 0]).shape).toEqual([3, 0]);
    expect(() => truncatedNormal([2], 0, -0.1)).toThrow(/truncatedNormal: stdDev must be a finite non-negative number/);
    expect(() => truncatedNormal([2], 0, 1, 'bool' as 'float32')).toThrow(DTypeError);
    expect(() => truncatedNormal([1.5])).toThrow(InvalidArgumentError);
  });
});
