import { describe, expect, it } from 'vitest';
import { ENGINE } from '../engine/engine';
import { sizeFromShape } from '../util/shape';
import { philox4x32 } from './philox';

const TWO_TO_32 = 2 ** 32;

/** The stream as documented at the top of philox.ts, built block by block from philox4x32. */
function expectedStream(size: number, key: [number, number], counter: [number, number]): number[] {
  const words: number[] = [];
  const start = BigInt(counter[0] >>> 0) + BigInt(counter[1] >>> 0) * BigInt(TWO_TO_32);
  for (let block = 0; words.length < size; block++) {
    const position = (start + BigInt(block)) % (1n << 64n);
    const low = Number(position % BigInt(TWO_TO_32));
    const high = Number(position / BigInt(TWO_TO_32));
    for (const word of philox4x32([low, high, 0, 0], key)) if (words.length < size) words.push(word | 0);
  }
  return words;
}

function kernelBits(
  shape: number[],
  key: [number, number],
  counter: [number, number],
): { shape: readonly number[]; dtype: string; values: number[] } {
  const bits = ENGINE.runKernel('randomBits', {}, { shape, key, counter });
  const result = { shape: bits.shape, dtype: bits.dtype, values: Array.from(bits.dataSync()) };
  bits.dispose();
  return result;
}

describe("the 'randomBits' kernel reproduces philox4x32 word by word", () => {
  it('matches the published known answer for key 0, counter 0', () => {
    // Random123 kat_vectors: philox4x32_10 with a zero counter and key.
    const { values } = kernelBits([4], [0, 0], [0, 0]);
    expect(values.map((value) => value >>> 0)).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
  });

  it('a length that is not a multiple of four takes a prefix of the last block', () => {
    const key: [number, number] = [0x12345678, 0x9abcdef0];
    const counter: [number, number] = [5, 0];
    const { values, dtype, shape } = kernelBits([10], key, counter);
    expect(dtype).toBe('int32');
    expect(shape).toEqual([10]);
    expect(values).toEqual(expectedStream(10, key, counter));
  });

  it('fills a multi-dimensional shape in row-major order', () => {
    const key: [number, number] = [7, 11];
    const counter: [number, number] = [1000, 2];
    const shape = [2, 3, 5];
    const { values } = kernelBits(shape, key, counter);
    expect(values).toEqual(expectedStream(sizeFromShape(shape), key, counter));
  });

  it('carries the block counter across 2^32 into the high word', () => {
    const key: [number, number] = [0xdeadbeef, 0x01234567];
    const counter: [number, number] = [0xfffffffe, 3];
    const { values } = kernelBits([16], key, counter);
    expect(values).toEqual(expectedStream(16, key, counter));
    // Blocks 2 and 3 are counters (0, 4) and (1, 4).
    expect(values.slice(8, 12)).toEqual(philox4x32([0, 4, 0, 0], key).map((word) => word | 0));
    expect(values.slice(12, 16)).toEqual(philox4x32([1, 4, 0, 0], key).map((word) => word | 0));
  });

  it('wraps the 64-bit counter to zero', () => {
    const key: [number, number] = [3, 4];
    const { values } = kernelBits([8], key, [0xffffffff, 0xffffffff]);
    expect(values.slice(0, 4)).toEqual(philox4x32([0xffffffff, 0xffffffff, 0, 0], key).map((word) => word | 0));
    expect(values.slice(4, 8)).toEqual(philox4x32([0, 0, 0, 0], key).map((word) => word | 0));
  });

  it('reads negative key and counter numbers as their uint32 bits', () => {
    const fromNegative = kernelBits([12], [-1, -2], [-3, -4]).values;
    const fromUnsigned = kernelBits([12], [0xffffffff, 0xfffffffe], [0xfffffffd, 0xfffffffc]).values;
    expect(fromNegative).toEqual(fromUnsigned);
    expect(fromNegative).toEqual(expectedStream(12, [0xffffffff, 0xfffffffe], [0xfffffffd, 0xfffffffc]));
  });

  it('the stream starting one block later is the same stream shifted by four words', () => {
    const key: [number, number] = [42, 0];
    const whole = kernelBits([20], key, [TWO_TO_32 - 2, 0]).values;
    const later = kernelBits([16], key, [TWO_TO_32 - 1, 0]).values;
    expect(later).toEqual(whole.slice(4));
  });

  it('an empty shape gives an empty tensor', () => {
    const { values, shape } = kernelBits([0, 3], [1, 2], [0, 0]);
    expect(values).toEqual([]);
    expect(shape).toEqual([0, 3]);
  });
});
