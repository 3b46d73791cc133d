import { InvalidArgumentError } from '../errors';

/**
 * The global random stream: a Philox key from the seed and a 64-bit block counter that every random op
 * advances by the blocks it used. Ops given their own `seed` use that seed's key from counter 0 instead, so
 * the same seed gives the same numbers on every backend.
 */
const TWO_TO_32 = 2 ** 32;
let globalKey: [number, number] = seedToKey(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));
let globalCounter = 0;

export function seedToKey(seed: number): [number, number] {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    throw new InvalidArgumentError(`seed: expected a non-negative safe integer, got ${String(seed)}`);
  }
  return [(seed % TWO_TO_32) >>> 0, Math.floor(seed / TWO_TO_32) >>> 0];
}

/** Sets the global seed: the following unseeded random ops repeat exactly. */
export function setSeed(seed: number): void {
  globalKey = seedToKey(seed);
  globalCounter = 0;
}

/** The key and starting counter for an op that needs `count` 32-bit words. */
export function nextRandomStream(count: number, seed?: number): { key: [number, number]; counter: [number, number] } {
  if (seed !== undefined) return { key: seedToKey(seed), counter: [0, 0] };
  const start = globalCounter;
  globalCounter += Math.ceil(count / 4);
  return { key: globalKey, counter: [(start % TWO_TO_32) >>> 0, Math.floor(start / TWO_TO_32) >>> 0] };
}
