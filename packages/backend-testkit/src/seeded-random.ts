/**
 * A small deterministic generator for test inputs (mulberry32). Inputs only need to be reproducible and
 * identical for the reference and the backend under test; they are not the Philox stream that core's random ops use.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [low, high). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low));
  }

  floats(count: number, low = -2, high = 2): number[] {
    return Array.from({ length: count }, () => low + this.next() * (high - low));
  }

  integers(count: number, low: number, high: number): number[] {
    return Array.from({ length: count }, () => this.integer(low, high));
  }

  booleans(count: number): number[] {
    return Array.from({ length: count }, () => (this.next() < 0.5 ? 1 : 0));
  }

  /** A shape of the given rank with dimensions in [1, maxDimension]. */
  shape(rank: number, maxDimension: number): number[] {
    return Array.from({ length: rank }, () => this.integer(1, maxDimension + 1));
  }
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dimension) => product * dimension, 1);
}
