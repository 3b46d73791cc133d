import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { expectMatchesTf, tf } from '../test-utils/oracle';
import { linspace } from './linspace';

describe('linspace', () => {
  it.each([
    [0, 1, 7],
    [-5, 5, 11],
    [1, 0, 4],
    [3, 3, 1],
    [2.5, 2.5, 3],
    [0, 1e6, 1000],
    [-1e-3, 1e-3, 2],
  ])('matches tf.linspace(%d, %d, %d)', (start, stop, num) => {
    expectMatchesTf(linspace(start, stop, num), tf.linspace(start, stop, num), { rtol: 1e-6, atol: 1e-6 });
  });

  it('starts at start and ends at stop exactly', () => {
    const values = linspace(0.1, 0.7, 1001).dataSync();
    expect(values[0]).toBe(Math.fround(0.1));
    expect(values[1000]).toBe(Math.fround(0.7));
  });

  it('rejects a num that is not a positive integer and non-finite bounds', () => {
    expect(() => linspace(0, 1, 0)).toThrow(InvalidArgumentError);
    expect(() => linspace(0, 1, 0)).toThrow(/linspace: num must be a positive integer, got 0/);
    expect(() => linspace(0, 1, 2.5)).toThrow(/got 2.5/);
    expect(() => linspace(0, Number.NaN, 3)).toThrow(/linspace: start and stop must be finite numbers/);
  });
});
