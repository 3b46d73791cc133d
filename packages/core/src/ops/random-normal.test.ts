import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { fillRandomBits } from '../random/philox';
import { seedToKey, setSeed } from '../random/random-state';
import { expectValuesClose } from '../test-utils/oracle';
import { sampleStatistics } from '../test-utils/sample-statistics';
import { randomNormal } from './random-normal';

/** Box–Muller in float64 from the seed's uniform stream: cosines fill the first half, sines the second. */
function referenceNormals(size: number, seed: number): number[] {
  const pairs = Math.ceil(size / 2);
  const words = new Int32Array(2 * pairs);
  fillRandomBits(words, seedToKey(seed), [0, 0]);
  const uniforms = Array.from(words, (word) => (word >>> 8) * 2 ** -24);
  const samples = new Array<number>(2 * pairs);
  for (let pair = 0; pair < pairs; pair++) {
    const radius = Math.sqrt(-2 * Math.log(1 - uniforms[pair]));
    const angle = 2 * Math.PI * uniforms[pairs + pair];
    samples[pair] = radius * Math.cos(angle);
    samples[pairs + pair] = radius * Math.sin(angle);
  }
  return samples.slice(0, size);
}

describe('randomNormal', () => {
  it.each([[[5]], [[4, 3]], [[2, 3, 5]]])('follows the documented Box–Muller layout for shape %j', (shape) => {
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    const result = randomNormal(shape, 0, 1, 'float32', { seed: 77 });
    expect(result.shape).toEqual(shape);
    expectValuesClose(Array.from(result.dataSync()), referenceNormals(size, 77), 1e-5, 2e-5);
  });

  it('gives the same numbers for the same seed and different numbers for different seeds', () => {
    const first = Array.from(randomNormal([33], 0, 1, 'float32', { seed: 9 }).dataSync());
    expect(Array.from(randomNormal([33], 0, 1, 'float32', { seed: 9 }).dataSync())).toEqual(first);
    expect(Array.from(randomNormal([33], 0, 1, 'float32', { seed: 10 }).dataSync())).not.toEqual(first);
  });

  it('repeats the unseeded calls that follow setSeed', () => {
    setSeed(42);
    const first = Array.from(randomNormal([7]).dataSync());
    const second = Array.from(randomNormal([7]).dataSync());
    setSeed(42);
    expect(Array.from(randomNormal([7]).dataSync())).toEqual(first);
    expect(Array.from(randomNormal([7]).dataSync())).toEqual(second);
    expect(second).not.toEqual(first);
  });

  it('has mean 0 and standard deviation 1 over 100k samples, with 68.3% within one sigma', () => {
    const values = randomNormal([100000], 0, 1, 'float32', { seed: 11 }).dataSync();
    const { mean, std, min, max } = sampleStatistics(values);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(std - 1)).toBeLessThan(0.02);
    expect(min).toBeLessThan(-3.5);
    expect(max).toBeGreaterThan(3.5);
    const withinOneSigma = values.filter((value) => Math.abs(value) < 1).length / values.length;
    expect(Math.abs(withinOneSigma - 0.6827)).toBeLessThan(0.01);
  });

  it('applies mean and stdDev', () => {
    const { mean, std } = sampleStatistics(randomNormal([100000], 3, 2, 'float32', { seed: 12 }).dataSync());
    expect(Math.abs(mean - 3)).toBeLessThan(0.04);
    expect(Math.abs(std - 2)).toBeLessThan(0.04);
  });

  it('rounds to int32 when asked, as tfjs', () => {
    const result = randomNormal([1000], 10, 3, 'int32', { seed: 13 });
    expect(result.dtype).toBe('int32');
    const rounded = randomNormal([1000], 10, 3, 'float32', { seed: 13 }).dataSync();
    expect(Array.from(result.dataSync())).toEqual(Array.from(rounded, (value) => Math.round(value)));
  });

  it('handles zero-size and scalar shapes', () => {
    expect(randomNormal([0, 3]).shape).toEqual([0, 3]);
    expect(randomNormal([], 0, 1, 'float32', { seed: 1 }).dataSync()[0]).toBeCloseTo(referenceNormals(1, 1)[0], 5);
  });

  it('rejects bad parameters', () => {
    expect(() => randomNormal([2], 0, -1)).toThrow(/randomNormal: stdDev must be a finite non-negative number, got -1/);
    expect(() => randomNormal([2], Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => randomNormal([2], 0, 1, 'bool' as 'float32')).toThrow(DTypeError);
    expect(() => randomNormal([2], 0, 1, 'float32', { seed: 2 ** 60 })).toThrow(/randomNormal: seed/);
  });
});
