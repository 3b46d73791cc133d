import { InvalidArgumentError, mean, type Tensor, variance } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { getInitializer } from './get-initializer';
import { orthogonal } from './orthogonal';
import { randomUniformInitializer } from './random-uniform-initializer';
import { truncatedNormalInitializer } from './truncated-normal-initializer';

/** The Gram matrix of the [rows, columns] view, over the smaller side: WᵀW for tall W, WWᵀ for wide W. */
function gram(weight: Tensor): number[][] {
  const columns = weight.shape[weight.rank - 1];
  const rows = weight.size / columns;
  const data = weight.dataSync();
  const at = (row: number, column: number) => data[row * columns + column];
  const tall = rows >= columns;
  const side = Math.min(rows, columns);
  const length = Math.max(rows, columns);
  return Array.from({ length: side }, (_, first) =>
    Array.from({ length: side }, (_, second) => {
      let total = 0;
      for (let position = 0; position < length; position++) {
        total += tall ? at(position, first) * at(position, second) : at(first, position) * at(second, position);
      }
      return total;
    }),
  );
}

describe('orthogonal', () => {
  for (const { shape, gain } of [
    { shape: [6, 4], gain: 1 },
    { shape: [4, 6], gain: 1 },
    { shape: [3, 3, 2, 5], gain: 2 },
    { shape: [8, 8], gain: 0.5 },
  ]) {
    it(`gives gain² · I as the Gram matrix for shape [${shape}] and gain ${gain}`, () => {
      const weight = orthogonal({ gain, seed: 3 })(shape);
      expect(weight.shape).toEqual(shape);
      gram(weight).forEach((row, first) => {
        row.forEach((value, second) => {
          expect(Math.abs(value - (first === second ? gain * gain : 0))).toBeLessThan(1e-5);
        });
      });
      weight.dispose();
    });
  }

  it('repeats a draw per seed and differs between seeds', () => {
    const first = Array.from(orthogonal({ seed: 11 })([5, 3]).dataSync());
    const again = Array.from(orthogonal({ seed: 11 })([5, 3]).dataSync());
    const other = Array.from(orthogonal({ seed: 12 })([5, 3]).dataSync());
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('is registered by name and rejects vectors and bad gains', () => {
    const weight = getInitializer('orthogonal', 'test')([3, 3]);
    expect(weight.shape).toEqual([3, 3]);
    expect(() => orthogonal()([4])).toThrow(/orthogonal: expected a weight shape of rank >= 2, got \[4\]/);
    expect(() => orthogonal({ gain: Number.NaN })).toThrow(InvalidArgumentError);
  });
});

describe('randomUniform and truncatedNormal initializers', () => {
  it('randomUniform stays in [minval, maxval) with the uniform variance, repeatably per seed', () => {
    const weight = randomUniformInitializer({ minval: -2, maxval: 1, seed: 4 })([100, 100]);
    const data = weight.dataSync();
    expect(Math.min(...data)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...data)).toBeLessThan(1);
    expect(mean(weight).dataSync()[0]).toBeCloseTo(-0.5, 1);
    expect(variance(weight).dataSync()[0] / (9 / 12)).toBeCloseTo(1, 1);
    const again = randomUniformInitializer({ minval: -2, maxval: 1, seed: 4 })([100, 100]);
    expect(Array.from(again.dataSync())).toEqual(Array.from(data));
    expect(() => randomUniformInitializer({ minval: 1, maxval: 1 })).toThrow(
      /randomUniform: expected finite minval < maxval/,
    );
  });

  it('truncatedNormal stays within two standard deviations of the mean', () => {
    const weight = truncatedNormalInitializer({ mean: 1, stddev: 0.5, seed: 2 })([100, 100]);
    const data = weight.dataSync();
    expect(Math.min(...data)).toBeGreaterThanOrEqual(0 - 1e-6);
    expect(Math.max(...data)).toBeLessThanOrEqual(2 + 1e-6);
    expect(mean(weight).dataSync()[0]).toBeCloseTo(1, 1);
    expect(getInitializer('truncatedNormal', 'test')([2, 2]).shape).toEqual([2, 2]);
    expect(getInitializer('randomUniform', 'test')([2]).shape).toEqual([2]);
    expect(() => truncatedNormalInitializer({ stddev: 0 })).toThrow(
      /truncatedNormal: expected a finite mean and a positive stddev/,
    );
  });
});
