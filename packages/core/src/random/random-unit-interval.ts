/**
 * Uniform float32 numbers in [0, 1) from the Philox stream, identical on every backend.
 *
 * Each 32-bit word w becomes u = (w >>> 8) · 2^-24: its top 24 bits, which float32 holds exactly. The kernel
 * stores w in an int32 element (negative when the top bit is set), and a logical shift is not one of the required
 * kernels, so the shift is spelled in exact int32 arithmetic:
 *
 *   floorDiv(w, 256)          ∈ [-2^23, 2^23): w's top 24 bits read as a signed number,
 *   mod(that, 2^24)           ∈ [0, 2^24):     the same bits read as unsigned (mod takes the divisor's sign),
 *   cast to float32 · 2^-24   exact: an integer below 2^24 times a power of two.
 *
 * No step rounds, so a backend that implements floorDiv, mod and cast correctly for int32 reproduces u bit for bit.
 */
import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import { cast } from '../ops/cast';
import { floorDiv } from '../ops/floor-div';
import { mod } from '../ops/mod';
import { mul } from '../ops/mul';
import type { Tensor } from '../tensor';
import { nextRandomStream } from './random-state';

const TWO_TO_24 = 16777216;
const TWO_TO_MINUS_24 = 1 / TWO_TO_24;

/** Rejects a seed the random state would not accept, with the op's name in the message. */
export function assertSeed(seed: unknown, opName: string): asserts seed is number | undefined {
  if (seed === undefined) return;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError(`${opName}: seed must be a non-negative safe integer, got ${String(seed)}`);
  }
}

/** `size` uniform numbers in [0, 1) as a rank-1 float32 tensor; advances the global stream unless `seed` is given. */
export function randomUnitInterval(size: number, seed: number | undefined, opName: string): Tensor {
  assertSeed(seed, opName);
  const { key, counter } = nextRandomStream(size, seed);
  // A compiled step draws the global stream afresh on every replay; a seeded draw repeats by design.
  if (seed === undefined) ENGINE.tracer?.globalRandomDraw(size);
  const bits = ENGINE.runKernel('randomBits', {}, { shape: [size], key, counter });
  const unsignedTop = mod(floorDiv(bits, 256), TWO_TO_24);
  return mul(cast(unsignedTop, 'float32'), TWO_TO_MINUS_24);
}
