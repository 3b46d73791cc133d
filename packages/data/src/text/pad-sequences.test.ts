import { DTypeError, InvalidArgumentError, memory } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { padSequences } from './pad-sequences';

function rows(
  sequences: number[][],
  options: Parameters<typeof padSequences>[1] = {},
): { shape: readonly number[]; values: number[][] } {
  const padded = padSequences(sequences, options);
  const [count, width] = padded.shape;
  const flat = Array.from(padded.dataSync());
  padded.dispose();
  return {
    shape: padded.shape,
    values: Array.from({ length: count }, (_, row) => flat.slice(row * width, (row + 1) * width)),
  };
}

describe('padSequences', () => {
  const sequences = [[1, 2, 3, 4], [5], []];

  it('pads and truncates at the start by default, to the longest length', () => {
    expect(rows(sequences)).toEqual({
      shape: [3, 4],
      values: [
        [1, 2, 3, 4],
        [0, 0, 0, 5],
        [0, 0, 0, 0],
      ],
    });
  });

  it('matches Keras for the four padding / truncating combinations', () => {
    const cut = (padding: 'pre' | 'post', truncating: 'pre' | 'post') =>
      rows(sequences, { maxLen: 3, padding, truncating }).values;
    expect(cut('pre', 'pre')).toEqual([
      [2, 3, 4],
      [0, 0, 5],
      [0, 0, 0],
    ]);
    expect(cut('pre', 'post')).toEqual([
      [1, 2, 3],
      [0, 0, 5],
      [0, 0, 0],
    ]);
    expect(cut('post', 'pre')).toEqual([
      [2, 3, 4],
      [5, 0, 0],
      [0, 0, 0],
    ]);
    expect(cut('post', 'post')).toEqual([
      [1, 2, 3],
      [5, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('uses value and dtype, and handles no sequences and maxLen 0', () => {
    const padded = padSequences([[1.5]], { maxLen: 3, value: -1, dtype: 'float32', padding: 'post' });
    expect(padded.dtype).toBe('float32');
    expect(Array.from(padded.dataSync())).toEqual([1.5, -1, -1]);
    padded.dispose();
    expect(rows([]).shape).toEqual([0, 0]);
    expect(rows([[1, 2]], { maxLen: 0 })).toEqual({ shape: [1, 0], values: [[]] });
    const typed = padSequences([new Int32Array([7, 8])], { maxLen: 3 });
    expect(typed.dtype).toBe('int32');
    expect(Array.from(typed.dataSync())).toEqual([0, 7, 8]);
    typed.dispose();
  });

  it('rejects non-integers for int32, even in truncated parts, and bad options', () => {
    expect(() => padSequences([[1, 2.5]])).toThrow(DTypeError);
    expect(() => padSequences([[0.5, 2]], { maxLen: 1 })).toThrow(/sequence 0 holds 0.5 at 0/);
    expect(() => padSequences([[1]], { value: 0.5 })).toThrow(DTypeError);
    expect(() => padSequences([[1]], { maxLen: -1 })).toThrow(InvalidArgumentError);
    expect(() => padSequences([[1]], { padding: 'middle' as 'pre' })).toThrow(/padding must be 'pre' or 'post'/);
    expect(() => padSequences([[1]], { truncating: 'x' as 'pre' })).toThrow(/truncating/);
    expect(() => padSequences([[1]], { dtype: 'bool' as 'int32' })).toThrow(DTypeError);
    expect(() => padSequences('abc' as unknown as number[][])).toThrow(/expected an array of sequences/);
    expect(() => padSequences([5 as unknown as number[]])).toThrow(/sequence 0 must be an array/);
  });

  it('leaks nothing', () => {
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) padSequences(sequences, { maxLen: 2 }).dispose();
    expect(memory().numTensors).toBe(before);
  });
});
