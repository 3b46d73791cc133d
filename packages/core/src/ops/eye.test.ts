import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { expectMatchesTf, tf } from '../test-utils/oracle';
import { eye } from './eye';

describe('eye', () => {
  it.each([
    [3, undefined, undefined],
    [2, 4, undefined],
    [4, 2, undefined],
    [1, 1, undefined],
    [3, 3, [2]],
    [2, 3, [2, 3]],
    [3, 2, [1, 2, 2]],
  ] as Array<[number, number | undefined, [number] | [number, number] | [number, number, number] | undefined]>)(
    'matches tf.eye(%d, %s, %j)',
    (rows, columns, batchShape) => {
      expectMatchesTf(eye(rows, columns, batchShape), tf.eye(rows, columns, batchShape));
    },
  );

  it.each(['int32', 'bool'] as const)('matches tf.eye in %s', (dtype) => {
    expectMatchesTf(eye(3, 4, [2], dtype), tf.eye(3, 4, [2], dtype));
  });

  it('handles zero-size matrices and batch shapes deeper than tfjs allows', () => {
    expect(eye(0).shape).toEqual([0, 0]);
    expect(eye(2, 0).shape).toEqual([2, 0]);
    expect(eye(2, 2, [0]).shape).toEqual([0, 2, 2]);
    const deep = eye(2, 2, [2, 1, 2, 1]);
    expect(deep.shape).toEqual([2, 1, 2, 1, 2, 2]);
    expect(Array.from(deep.dataSync())).toEqual(Array.from({ length: 4 }, () => [1, 0, 0, 1]).flat());
  });

  it('rejects bad sizes and dtypes', () => {
    expect(() => eye(-1)).toThrow(InvalidArgumentError);
    expect(() => eye(2.5)).toThrow(/eye: numRows must be a non-negative integer, got 2.5/);
    expect(() => eye(2, 3, [2, -1])).toThrow(/eye: batchShape\[1\] must be a non-negative integer, got -1/);
    expect(() => eye(2, 2, [], 'complex64' as 'float32')).toThrow(DTypeError);
  });
});
