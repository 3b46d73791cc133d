import type { SeededRandom } from '../seeded-random';

/** Values every element-wise kernel must treat like the CPU backend: NaN, both infinities, both zeros. */
export const SPECIAL_FLOATS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1, -1, 0.5];

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** int32 values near both ends of the range, where sums and products overflow. */
export const INT32_EDGES = [INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1, 65536, -65536, 46341, -1, 0, 1];

/**
 * Two shapes that broadcast against each other: `b` drops some leading dimensions of the output and has some of
 * the rest set to 1, so both directions of broadcasting occur across trials.
 */
export function broadcastShapes(random: SeededRandom, maxDimension: number): [number[], number[]] {
  const output = random.shape(random.integer(1, 5), maxDimension);
  const a = output.map((dimension) => (random.next() < 0.25 ? 1 : dimension));
  const dropped = random.integer(0, output.length);
  const b = output.slice(dropped).map((dimension) => (random.next() < 0.3 ? 1 : dimension));
  return random.next() < 0.5 ? [a, b] : [b, a];
}

/** A random permutation of 0..rank-1. */
export function permutation(random: SeededRandom, rank: number): number[] {
  const order = Array.from({ length: rank }, (_, index) => index);
  for (let index = rank - 1; index > 0; index--) {
    const other = random.integer(0, index + 1);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

/** A non-empty sorted subset of 0..rank-1. */
export function axesSubset(random: SeededRandom, rank: number): number[] {
  const axes = Array.from({ length: rank }, (_, index) => index).filter(() => random.next() < 0.5);
  return axes.length > 0 ? axes : [random.integer(0, rank)];
}
