/**
 * A small deterministic generator (mulberry32) for shuffle orders. Shuffling only needs repeatable, well-mixed
 * indices on the host, not the bit-identical cross-backend stream core's Philox provides for tensors.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a base seed with an epoch number so each pass over a shuffled dataset gets its own, repeatable order. */
export function deriveSeed(seed: number, epoch: number): number {
  let mixed = (seed ^ Math.imul(epoch + 1, 0x9e3779b1)) >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b) >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35) >>> 0;
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
