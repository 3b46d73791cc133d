import type { DType } from '@tessera/core/backend';

/** A small seeded generator (mulberry32): test inputs are reproducible, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomArray(random: () => number, size: number, dtype: DType, range = 4): number[] {
  return Array.from({ length: size }, () => {
    if (dtype === 'bool') return random() < 0.5 ? 0 : 1;
    const value = (random() * 2 - 1) * range;
    return dtype === 'int32' ? Math.round(value) : value;
  });
}

export function randomShape(random: () => number, rank: number, maximum = 5): number[] {
  return Array.from({ length: rank }, () => 1 + Math.floor(random() * maximum));
}
