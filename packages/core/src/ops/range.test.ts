import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { expectMatchesTf, tf } from '../test-utils/oracle';
import { range } from './range';

describe('range', () => {
  it.each([
    [0, 10, 1],
    [0, 10, 3],
    [2, 3, 1],
    [-3.5, 4.2, 0.7],
    [0, 1, 0.1],
    [10, 0, -3],
    [5, -5, -0.5],
    [1e6, 1e6 + 20, 2.5],
  ])('matches tf.range(%d, %d, %d) in float32', (start, stop, step) => {
    expectMatchesTf(range(start, stop, step), tf.range(start, stop, step), { rtol: 1e-6, atol: 1e-6 });
  });

  it('counts down by 1 when stop < start and the step is left at its default, as tfjs', () => {
    expectMatchesTf(range(5, 0), tf.range(5, 0));
    expect(Array.from(range(5, 0).dataSync())).toEqual([5, 4, 3, 2, 1]);
  });

  it.each([
    [3, 3, 1],
    [0, 5, -1],
    [5, 0, 2],
  ])('is empty for range(%d, %d, %d), as tfjs', (start, stop, step) => {
    const result = range(start, stop, step);
    expect(result.shape).toEqual([0]);
    expectMatchesTf(result, tf.range(start, stop, step));
  });

  it.each([
    [0, 10, 2],
    [3, -4, -2],
    [-7, 8, 5],
    [0, 7.5, 1],
  ])('matches tf.range(%d, %d, %d) in int32', (start, stop, step) => {
    expectMatchesTf(range(start, stop, step, 'int32'), tf.range(start, stop, step, 'int32'));
  });

  it('rounds each value once instead of accumulating the step', () => {
    const values = range(0, 100000, 0.1).dataSync();
    expect(values.length).toBe(1000000);
    expect(values[999999]).toBe(Math.fround(99999.9));
  });

  it('rejects a zero step, non-finite bounds, bool and fractional int32 arguments', () => {
    expect(() => range(0, 5, 0)).toThrow(InvalidArgumentError);
    expect(() => range(0, 5, 0)).toThrow(/range: step must not be 0/);
    expect(() => range(Number.NaN, 5)).toThrow(/range: start must be a finite number, got NaN/);
    expect(() => range(0, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
    expect(() => range(0, 5, 1, 'bool' as 'int32')).toThrow(DTypeError);
    expect(() => range(0.5, 5, 1, 'int32')).toThrow(
      /range: dtype int32 needs an integer start and step, got start=0.5 step=1/,
    );
  });
});
