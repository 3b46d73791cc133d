/**
 * Philox 4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel Random Numbers: As Easy as 1, 2, 3", SC 2011): the
 * counter-based generator behind every random op in Tessera.
 *
 * THE STREAM (every backend reproduces it bit for bit; change it only together with all of them):
 *
 *   randomBits(shape, key = [k0, k1], counter = [c0, c1]) fills n = size(shape) int32 elements, row-major.
 *   - Element i comes from block b = floor(i / 4), word i % 4 of that block's output.
 *   - Block b is philox4x32-10 applied to the 128-bit counter [lo, hi, 0, 0] with key [k0, k1], where
 *     (lo, hi) are the low and high 32-bit halves of the 64-bit sum (c0 + c1 * 2^32) + b (wrapping mod 2^64).
 *   - Each output word is a uint32; it is stored in the int32 element with the same 32 bits.
 *   All key and counter words are taken as uint32 (a negative JavaScript number means its two's-complement bits).
 *
 * One philox4x32 block: 10 rounds on the state (x0, x1, x2, x3) with key (k0, k1), bumping the key between rounds
 * (k0 += W0, k1 += W1, mod 2^32, before rounds 2..10). A round is
 *   (hi0, lo0) = M0 * x0 as a 64-bit product, (hi1, lo1) = M1 * x2,
 *   (x0, x1, x2, x3) = (hi1 ^ x1 ^ k0, lo1, hi0 ^ x3 ^ k1, lo0).
 */

const MULTIPLIER_0 = 0xd2511f53;
const MULTIPLIER_1 = 0xcd9e8d57;
const WEYL_0 = 0x9e3779b9;
const WEYL_1 = 0xbb67ae85;
const ROUNDS = 10;

/**
 * The high 32 bits of the exact 64-bit product of two uint32 values. A float64 product would lose the low bits,
 * so the factors are split into 16-bit halves whose partial products are all exact.
 */
function multiplyHigh(a: number, b: number): number {
  const aLow = a & 0xffff;
  const aHigh = a >>> 16;
  const bLow = b & 0xffff;
  const bHigh = b >>> 16;
  const lowLow = aLow * bLow;
  const lowHigh = aLow * bHigh;
  const highLow = aHigh * bLow;
  const carry = ((lowLow >>> 16) + (lowHigh & 0xffff) + (highLow & 0xffff)) >>> 16;
  return (aHigh * bHigh + (lowHigh >>> 16) + (highLow >>> 16) + carry) >>> 0;
}

/** Scratch for the block function so that filling a buffer allocates nothing per block. */
const blockWords = new Uint32Array(4);

/** Runs the 10 rounds on one counter block and leaves the four output words in `blockWords`. */
function computeBlock(c0: number, c1: number, c2: number, c3: number, key0: number, key1: number): void {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let k0 = key0 >>> 0;
  let k1 = key1 >>> 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) {
      k0 = (k0 + WEYL_0) >>> 0;
      k1 = (k1 + WEYL_1) >>> 0;
    }
    const high0 = multiplyHigh(MULTIPLIER_0, x0);
    const low0 = Math.imul(MULTIPLIER_0, x0) >>> 0;
    const high1 = multiplyHigh(MULTIPLIER_1, x2);
    const low1 = Math.imul(MULTIPLIER_1, x2) >>> 0;
    x0 = (high1 ^ x1 ^ k0) >>> 0;
    x1 = low1;
    x2 = (high0 ^ x3 ^ k1) >>> 0;
    x3 = low0;
  }
  blockWords[0] = x0;
  blockWords[1] = x1;
  blockWords[2] = x2;
  blockWords[3] = x3;
}

/** One Philox 4x32-10 block: the four uint32 output words for a 128-bit counter and a 64-bit key. */
export function philox4x32(
  counter: readonly [number, number, number, number],
  key: readonly [number, number],
): [number, number, number, number] {
  computeBlock(counter[0], counter[1], counter[2], counter[3], key[0], key[1]);
  return [blockWords[0], blockWords[1], blockWords[2], blockWords[3]];
}

/** Fills `out` with the stream described at the top of this file, starting at the 64-bit block counter `counter`. */
export function fillRandomBits(out: Int32Array, key: readonly [number, number], counter: readonly [number, number]): void {
  const key0 = key[0] >>> 0;
  const key1 = key[1] >>> 0;
  let low = counter[0] >>> 0;
  let high = counter[1] >>> 0;
  const length = out.length;
  for (let start = 0; start < length; start += 4) {
    computeBlock(low, high, 0, 0, key0, key1);
    const words = Math.min(4, length - start);
    for (let word = 0; word < words; word++) out[start + word] = blockWords[word] | 0;
    low = (low + 1) >>> 0;
    if (low === 0) high = (high + 1) >>> 0;
  }
}
