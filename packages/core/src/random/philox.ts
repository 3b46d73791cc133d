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

/*
 * Words are carried as int32 JavaScript numbers (the same 32 bits as the uint32 words) so that the engine keeps
 * them in integer registers: xor, Math.imul and `| 0` all act on the bits regardless of sign.
 */

/**
 * The high 32 bits of the exact 64-bit product of the constant multiplier (given as its 16-bit halves) and the
 * word x. A float64 product would round away low bits, so x is split into 16-bit halves too and every partial
 * product stays below 2^32, where doubles are exact.
 */
function multiplyHigh(multiplierHigh: number, multiplierLow: number, x: number): number {
  const xLow = x & 0xffff;
  const xHigh = x >>> 16;
  const lowLow = multiplierLow * xLow;
  const lowHigh = multiplierLow * xHigh;
  const highLow = multiplierHigh * xLow;
  const carry = ((lowLow >>> 16) + (lowHigh & 0xffff) + (highLow & 0xffff)) >>> 16;
  return (multiplierHigh * xHigh + (lowHigh >>> 16) + (highLow >>> 16) + carry) | 0;
}

const MULTIPLIER_0_HIGH = MULTIPLIER_0 >>> 16;
const MULTIPLIER_0_LOW = MULTIPLIER_0 & 0xffff;
const MULTIPLIER_1_HIGH = MULTIPLIER_1 >>> 16;
const MULTIPLIER_1_LOW = MULTIPLIER_1 & 0xffff;

/** Runs the 10 rounds on one counter block and writes its first `count` words (as int32) to `out` at `offset`. */
function writeBlock(
  out: Int32Array,
  offset: number,
  count: number,
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  key0: number,
  key1: number,
): void {
  let x0 = c0 | 0;
  let x1 = c1 | 0;
  let x2 = c2 | 0;
  let x3 = c3 | 0;
  let k0 = key0 | 0;
  let k1 = key1 | 0;
  for (let round = 0; round < ROUNDS; round++) {
    const high0 = multiplyHigh(MULTIPLIER_0_HIGH, MULTIPLIER_0_LOW, x0);
    const low0 = Math.imul(MULTIPLIER_0, x0);
    const high1 = multiplyHigh(MULTIPLIER_1_HIGH, MULTIPLIER_1_LOW, x2);
    const low1 = Math.imul(MULTIPLIER_1, x2);
    x0 = high1 ^ x1 ^ k0;
    x1 = low1;
    x2 = high0 ^ x3 ^ k1;
    x3 = low0;
    // The key bump after the last round is never used; doing it unconditionally keeps the loop branch-free.
    k0 = (k0 + WEYL_0) | 0;
    k1 = (k1 + WEYL_1) | 0;
  }
  out[offset] = x0;
  if (count > 1) out[offset + 1] = x1;
  if (count > 2) out[offset + 2] = x2;
  if (count > 3) out[offset + 3] = x3;
}

const blockWords = new Int32Array(4);

/** One Philox 4x32-10 block: the four uint32 output words for a 128-bit counter and a 64-bit key. */
export function philox4x32(
  counter: readonly [number, number, number, number],
  key: readonly [number, number],
): [number, number, number, number] {
  writeBlock(blockWords, 0, 4, counter[0], counter[1], counter[2], counter[3], key[0], key[1]);
  return [blockWords[0] >>> 0, blockWords[1] >>> 0, blockWords[2] >>> 0, blockWords[3] >>> 0];
}

/** Fills `out` with the stream described at the top of this file, starting at the 64-bit block counter `counter`. */
export function fillRandomBits(
  out: Int32Array,
  key: readonly [number, number],
  counter: readonly [number, number],
): void {
  const length = out.length;
  let low = counter[0] | 0;
  let high = counter[1] | 0;
  for (let start = 0; start < length; start += 4) {
    writeBlock(out, start, Math.min(4, length - start), low, high, 0, 0, key[0], key[1]);
    low = (low + 1) | 0;
    if (low === 0) high = (high + 1) | 0;
  }
}
