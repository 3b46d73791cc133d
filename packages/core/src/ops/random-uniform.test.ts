import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { fillRandomBits } from '../random/philox';
import { seedToKey, setSeed } from '../random/random-state';
import { sampleStatistics } from '../test-utils/sample-statistics';
import { randomUniform } from './random-uniform';

describe('randomUniform', () => {
  it('turns each Philox word w of the seed stream into exactly (w >>> 8) · 2^-24', () => {
    const seed = 20240917;
    const words = new Int32Array(1001);
    fillRandomBits(words, seedToKey(seed), [0, 0]);
    const expected = Array.from(words, (word) => (word >>> 8) * 2 ** -24);
    expect(Array.from(randomUniform([7, 11, 13], 0, 1, 'float32', { seed }).dataSync())).toEqual(expected);
    // Words with the top bit set are negative int32 values: the shift must read them as unsigned.
    expect(Array.from(words).some((word) => word < 0)).toBe(true);
  });

  it('gives the same numbers for the same seed and different numbers for different seeds', () => {
    const first = randomUniform([64], 0, 1, 'float32', { seed: 5 }).dataSync();
    const again = randomUniform([64], 0, 1, 'float32', { seed: 5 }).dataSync();
    const other = randomUniform([64], 0, 1, 'float32', { seed: 6 }).dataSync();
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(Array.from(other)).not.toEqual(Array.from(first));
  });

  it('repeats the unseeded calls that follow setSeed, and successive unseeded calls differ', () => {
    setSeed(123);
    const first = randomUniform([10]).dataSync();
    const second = randomUniform([10]).dataSync();
    setSeed(123);
    expect(Array.from(randomUniform([10]).dataSync())).toEqual(Array.from(first));
    expect(Array.from(randomUniform([10]).dataSync())).toEqual(Array.from(second));
    expect(Array.from(second)).not.toEqual(Array.from(first));
  });

  it('has the moments of U(0, 1) over 100k samples and stays in [0, 1)', () => {
    const { mean, variance, min, max } = sampleStatistics(
      randomUniform([100000], 0, 1, 'float32', { seed: 1 }).dataSync(),
    );
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.005);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(min).toBeLessThan(1e-3);
    expect(max).toBeLessThan(1);
    expect(max).toBeGreaterThan(1 - 1e-3);
  });

  it('scales to [minval, maxval)', () => {
    const { mean, variance, min, max } = sampleStatistics(
      randomUniform([100000], -3, 5, 'float32', { seed: 2 }).dataSync(),
    );
    expect(Math.abs(mean - 1)).toBeLessThan(0.08);
    expect(Math.abs(variance - 64 / 12)).toBeLessThan(0.3);
    expect(min).toBeGreaterThanOrEqual(-3);
    expect(max).toBeLessThan(5);
  });

  it('draws every int32 in [minval, maxval) about equally often', () => {
    const result = randomUniform([70000], -3, 4, 'int32', { seed: 3 });
    expect(result.dtype).toBe('int32');
    const counts = new Map<number, number>();
    for (const value of result.dataSync()) counts.set(value, (counts.get(value) ?? 0) + 1);
    expect([...counts.keys()].sort((left, right) => left - right)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const count of counts.values()) expect(Math.abs(count / 70000 - 1 / 7)).toBeLessThan(0.01);
  });

  it('keeps int32 draws exact far from zero and within range for the widest allowed span', () => {
    const offset = randomUniform([1000], 1e9, 1e9 + 3, 'int32', { seed: 4 }).dataSync();
    expect(new Set(offset)).toEqual(new Set([1e9, 1e9 + 1, 1e9 + 2]));
    const wide = randomUniform([10000], -(2 ** 31), -1, 'int32', { seed: 5 }).dataSync();
    for (const value of wide) expect(value >= -(2 ** 31) && value < -1).toBe(true);
    const positive = randomUniform([10000], 0, 2 ** 31 - 1, 'int32', { seed: 6 }).dataSync();
    expect(Math.min(...positive)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...positive)).toBeGreaterThan(2 ** 30);
  });

  it('returns the requested shape, zero-size included', () => {
    expect(randomUniform([2, 3, 4]).shape).toEqual([2, 3, 4]);
    expect(randomUniform([]).shape).toEqual([]);
    const empty = randomUniform([0, 5], 0, 1, 'float32', { seed: 1 });
    expect(empty.shape).toEqual([0, 5]);
    expect(empty.size).toBe(0);
  });

  it('rejects bad bounds, dtypes, shapes and seeds', () => {
    expect(() => randomUniform([2], 1, 0)).toThrow(
      /randomUniform: minval must not exceed maxval, got minval=1 maxval=0/,
    );
    expect(() => randomUniform([2], 0, 1.5, 'int32')).toThrow(InvalidArgumentError);
    expect(() => randomUniform([2], 3, 3, 'int32')).toThrow(
      /randomUniform: int32 needs int32 integers minval < maxval/,
    );
    expect(() => randomUniform([2], -(2 ** 31), 2 ** 31 - 1, 'int32')).toThrow(InvalidArgumentError);
    expect(() => randomUniform([2], 0, Number.POSITIVE_INFINITY)).toThrow(/must be finite numbers/);
    expect(() => randomUniform([2], 0, 1, 'bool' as 'int32')).toThrow(DTypeError);
    expect(() => randomUniform([2, -1])).toThrow(InvalidArgumentError);
    expect(() => randomUniform([2], 0, 1, 'float32', { seed: -1 })).toThrow(
      /randomUniform: seed must be a non-negative safe integer, got -1/,
    );
    expect(() => randomUniform([2], 0, 1, 'float32', { seed: 1.5 })).toThrow(InvalidArgumentError);
  });
});
