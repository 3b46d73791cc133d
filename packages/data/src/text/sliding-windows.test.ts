import { InvalidArgumentError, memory, type Tensor } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { CharacterVocabulary } from './character-vocabulary';
import { slidingWindows } from './sliding-windows';

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

async function collect(dataset: AsyncIterable<{ xs: Tensor; ys: Tensor }>): Promise<Array<[number[], number[]]>> {
  const windows: Array<[number[], number[]]> = [];
  for await (const { xs, ys } of dataset) {
    expect(xs.dtype).toBe('int32');
    windows.push([Array.from(xs.dataSync()), Array.from(ys.dataSync())]);
    xs.dispose();
    ys.dispose();
  }
  return windows;
}

describe('slidingWindows', () => {
  it('cuts non-overlapping windows with next-token targets by default', async () => {
    expect(await collect(slidingWindows(range(10), { windowLength: 3 }))).toEqual([
      [
        [0, 1, 2],
        [1, 2, 3],
      ],
      [
        [3, 4, 5],
        [4, 5, 6],
      ],
      [
        [6, 7, 8],
        [7, 8, 9],
      ],
    ]);
  });

  it('honours stride and shift, and yields nothing when too short', async () => {
    expect(await collect(slidingWindows(Int32Array.from(range(10)), { windowLength: 3, stride: 2, shift: 2 }))).toEqual(
      [
        [
          [0, 1, 2],
          [2, 3, 4],
        ],
        [
          [2, 3, 4],
          [4, 5, 6],
        ],
        [
          [4, 5, 6],
          [6, 7, 8],
        ],
      ],
    );
    expect(await collect(slidingWindows(range(4), { windowLength: 3, stride: 1 }))).toHaveLength(1);
    expect(await collect(slidingWindows(range(3), { windowLength: 3 }))).toEqual([]);
    expect(await collect(slidingWindows([], { windowLength: 1 }))).toEqual([]);
  });

  it('batches into [batch, windowLength] int32 tensors without leaking, pass after pass', async () => {
    const ids = CharacterVocabulary.fromText('the cat sat on the mat').encode('the cat sat on the mat');
    const dataset = slidingWindows(ids, { windowLength: 4, stride: 1 }).batch(8);
    const before = memory().numTensors;
    for (let pass = 0; pass < 2; pass++) {
      const shapes: Array<readonly number[]> = [];
      for await (const { xs, ys } of dataset) {
        shapes.push(xs.shape);
        expect(ys.shape).toEqual(xs.shape);
        expect(ys.dtype).toBe('int32');
        xs.dispose();
        ys.dispose();
      }
      // 22 characters, windows of 4 plus one target: 18 windows.
      expect(shapes).toEqual([
        [8, 4],
        [8, 4],
        [2, 4],
      ]);
      expect(memory().numTensors).toBe(before);
    }
  });

  it('copies the ids and rejects bad input', async () => {
    const ids = [1, 2, 3, 4];
    const dataset = slidingWindows(ids, { windowLength: 2 });
    ids[0] = 99;
    expect((await collect(dataset))[0][0]).toEqual([1, 2]);
    expect(() => slidingWindows([1, 2.5], { windowLength: 1 })).toThrow(/32-bit integers, got 2.5 at position 1/);
    expect(() => slidingWindows('abc' as unknown as number[], { windowLength: 1 })).toThrow(InvalidArgumentError);
    expect(() => slidingWindows([1], { windowLength: 0 })).toThrow(/windowLength must be a positive integer/);
    expect(() => slidingWindows([1], { windowLength: 2, stride: 1.5 })).toThrow(/stride/);
    expect(() => slidingWindows([1], { windowLength: 2, shift: 0 })).toThrow(/shift/);
  });
});
