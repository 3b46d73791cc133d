import { gather, slice, type Tensor, tensor } from '@tessera/core';

/** Rows [start, start + size) of `x` along the batch axis. */
export function sliceRows(x: Tensor, start: number, size: number): Tensor {
  return slice(x, [start], [size]);
}

/** The rows of `x` listed in `rowIndices`, in that order. */
export function gatherRows(x: Tensor, rowIndices: readonly number[]): Tensor {
  const indexTensor = tensor(Int32Array.from(rowIndices), [rowIndices.length], 'int32');
  try {
    return gather(x, indexTensor, 0);
  } finally {
    indexTensor.dispose();
  }
}

/**
 * A small seedable generator (mulberry32) for shuffling example order. Shuffling happens on the host, so it
 * does not need the tensor-level counter-based generator.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates a shuffler: Fisher–Yates driven by Math.random, or, with a `seed`, by a generator seeded from the seed and
 * the epoch number, so epoch k has the same order whether the run started at epoch 0 or resumed at k.
 */
export function createShuffler(seed: number | undefined): (count: number, epoch?: number) => number[] {
  return (count, epoch = 0) => {
    // 0x9e3779b9 (the golden-ratio constant) spreads consecutive epochs far apart in the generator's seed space.
    const next = seed === undefined ? Math.random : mulberry32((seed + Math.imul(epoch, 0x9e3779b9)) >>> 0);
    const order = Array.from({ length: count }, (_, position) => position);
    for (let position = count - 1; position > 0; position--) {
      const other = Math.floor(next() * (position + 1));
      [order[position], order[other]] = [order[other], order[position]];
    }
    return order;
  };
}
