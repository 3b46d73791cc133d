import { describe, expect, it } from 'vitest';
import { fillRandomBits, philox4x32 } from './philox';

/** Known answers for philox4x32-10 from Random123's kat_vectors (counter, key, expected output). */
const KNOWN_ANSWERS: Array<{
  counter: [number, number, number, number];
  key: [number, number];
  expected: [number, number, number, number];
}> = [
  { counter: [0, 0, 0, 0], key: [0, 0], expected: [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8] },
  {
    counter: [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    key: [0xffffffff, 0xffffffff],
    expected: [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  },
  {
    counter: [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    key: [0xa4093822, 0x299f31d0],
    expected: [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  },
];

/** The exact 64-bit product through BigInt, to check the 16-bit split multiply indirectly via a round. */
function referenceBlock(counter: readonly number[], key: readonly number[]): number[] {
  const mask = (1n << 32n) - 1n;
  let [x0, x1, x2, x3] = counter.map((value) => BigInt(value >>> 0));
  let [k0, k1] = key.map((value) => BigInt(value >>> 0));
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + 0x9e3779b9n) & mask;
      k1 = (k1 + 0xbb67ae85n) & mask;
    }
    const product0 = 0xd2511f53n * x0;
    const product1 = 0xcd9e8d57n * x2;
    [x0, x1, x2, x3] = [(product1 >> 32n) ^ x1 ^ k0, product1 & mask, (product0 >> 32n) ^ x3 ^ k1, product0 & mask];
  }
  return [x0, x1, x2, x3].map(Number);
}

describe('philox4x32', () => {
  it.each(KNOWN_ANSWERS)('matches the Random123 known answer for counter $counter', ({ counter, key, expected }) => {
    expect(philox4x32(counter, key)).toEqual(expected);
  });

  it('agrees with an exact BigInt implementation on pseudo-random inputs', () => {
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    for (let trial = 0; trial < 200; trial++) {
      const counter: [number, number, number, number] = [next(), next(), next(), next()];
      const key: [number, number] = [next(), next()];
      expect(philox4x32(counter, key)).toEqual(referenceBlock(counter, key));
    }
  });
});

describe('fillRandomBits', () => {
  it('lays blocks out word by word from the 64-bit counter', () => {
    const key: [number, number] = [7, 11];
    const out = new Int32Array(10);
    fillRandomBits(out, key, [5, 0]);
    for (let index = 0; index < out.length; index++) {
      const block = philox4x32([5 + Math.floor(index / 4), 0, 0, 0], key);
      expect(out[index]).toBe(block[index % 4] | 0);
    }
  });

  it('carries the low counter word into the high word', () => {
    const key: [number, number] = [1, 2];
    const out = new Int32Array(8);
    fillRandomBits(out, key, [0xffffffff, 3]);
    expect(Array.from(out.subarray(0, 4))).toEqual(philox4x32([0xffffffff, 3, 0, 0], key).map((word) => word | 0));
    expect(Array.from(out.subarray(4, 8))).toEqual(philox4x32([0, 4, 0, 0], key).map((word) => word | 0));
  });

  it('treats negative key and counter numbers as their uint32 bits', () => {
    const fromNegative = new Int32Array(4);
    const fromUnsigned = new Int32Array(4);
    fillRandomBits(fromNegative, [-1, -2], [-3, 0]);
    fillRandomBits(fromUnsigned, [0xffffffff, 0xfffffffe], [0xfffffffd, 0]);
    expect(fromNegative).toEqual(fromUnsigned);
  });

  it('writes a prefix of the same stream for a shorter buffer', () => {
    const long = new Int32Array(9);
    const short = new Int32Array(6);
    fillRandomBits(long, [3, 4], [100, 0]);
    fillRandomBits(short, [3, 4], [100, 0]);
    expect(Array.from(short)).toEqual(Array.from(long.subarray(0, 6)));
  });

  it('produces roughly uniform bits', () => {
    const out = new Int32Array(4096);
    fillRandomBits(out, [42, 0], [0, 0]);
    let ones = 0;
    for (const value of out) for (let bit = 0; bit < 32; bit++) ones += (value >>> bit) & 1;
    expect(ones / (out.length * 32)).toBeCloseTo(0.5, 2);
  });
});
