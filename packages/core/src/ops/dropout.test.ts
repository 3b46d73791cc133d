import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import { setSeed } from '../random/random-state';
import { expectValuesClose, lossWeights, numericGradients, randomValues, seededRandom } from '../test-utils/oracle';
import { dropout } from './dropout';
import { mul } from './mul';
import { ones } from './ones';
import { randomUniform } from './random-uniform';
import { sum } from './sum';
import { tensor } from './tensor';

describe('dropout', () => {
  it('keeps about 1 − rate of the values and scales them by 1 / (1 − rate)', () => {
    const rate = 0.3;
    const values = dropout(ones([100000]), rate, { seed: 1 }).dataSync();
    const kept = values.filter((value) => value !== 0);
    expect(Math.abs(kept.length / values.length - (1 - rate))).toBeLessThan(0.01);
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / (1 - rate))]));
  });

  it('drops exactly where the uniform numbers of the same seed fall below rate', () => {
    const random = seededRandom(2);
    const x = randomValues(600, random);
    const rate = 0.55;
    const uniforms = randomUniform([20, 30], 0, 1, 'float32', { seed: 17 }).dataSync();
    const result = dropout(tensor(x, [20, 30]), rate, { seed: 17 });
    expect(result.shape).toEqual([20, 30]);
    const expected = x.map((value, index) => (uniforms[index] >= Math.fround(rate) ? value / (1 - rate) : 0));
    expectValuesClose(Array.from(result.dataSync()), expected, 1e-6, 0);
  });

  it('is the identity for rate 0, with gradient 1', () => {
    const x = tensor([
      [1, -2],
      [3.5, 0],
    ]);
    expect(dropout(x, 0).arraySync()).toEqual([
      [1, -2],
      [3.5, 0],
    ]);
    expect(grad((input) => sum(dropout(input, 0)))(x).arraySync()).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('is reproducible with a seed and after setSeed, and differs between seeds', () => {
    const x = ones([200]);
    const first = Array.from(dropout(x, 0.5, { seed: 4 }).dataSync());
    expect(Array.from(dropout(x, 0.5, { seed: 4 }).dataSync())).toEqual(first);
    expect(Array.from(dropout(x, 0.5, { seed: 5 }).dataSync())).not.toEqual(first);
    setSeed(8);
    const unseeded = Array.from(dropout(x, 0.5).dataSync());
    setSeed(8);
    expect(Array.from(dropout(x, 0.5).dataSync())).toEqual(unseeded);
  });

  it('shares one decision along the axes where noiseShape is 1', () => {
    const result = dropout(ones([50, 4]), 0.5, { seed: 6, noiseShape: [50, 1] }).arraySync() as number[][];
    for (const row of result) expect(new Set(row).size).toBe(1);
    const droppedRows = result.filter((row) => row[0] === 0).length;
    expect(droppedRows).toBeGreaterThan(10);
    expect(droppedRows).toBeLessThan(40);
  });

  it('passes the gradient through the scaled mask, as finite differences confirm', () => {
    const random = seededRandom(9);
    const values = randomValues(24, random, 0.5, 2);
    const weights = lossWeights(24);
    const rate = 0.4;
    const options = { seed: 21, noiseShape: [4, 1, 3] };
    const x = tensor(values, [4, 2, 3]);
    const mask = Array.from(dropout(ones([4, 2, 3]), rate, options).dataSync());
    const gradient = grad((input) => sum(mul(dropout(input, rate, options), tensor(weights, [4, 2, 3]))))(x);
    const [numeric] = numericGradients(
      ([points]) => points.reduce((total, value, index) => total + value * mask[index] * weights[index], 0),
      [values],
    );
    expectValuesClose(Array.from(gradient.dataSync()), numeric, 1e-5, 1e-5);
    expect(mask.some((value) => value === 0)).toBe(true);
    expect(mask.some((value) => value !== 0)).toBe(true);
  });

  it('rejects a rate outside [0, 1), non-float input and a noiseShape that does not fit', () => {
    expect(() => dropout(ones([3]), 1)).toThrow(InvalidArgumentError);
    expect(() => dropout(ones([3]), 1)).toThrow(/dropout: rate must be a number in \[0, 1\), got 1/);
    expect(() => dropout(ones([3]), -0.1)).toThrow(InvalidArgumentError);
    expect(() => dropout(ones([3]), Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => dropout(ones([3], 'int32'), 0.5)).toThrow(DTypeError);
    expect(() => dropout(ones([2, 3]), 0.5, { noiseShape: [3] })).toThrow(ShapeError);
    expect(() => dropout(ones([2, 3]), 0.5, { noiseShape: [2, 2] })).toThrow(/dropout: noiseShape must have x's rank/);
  });
});
