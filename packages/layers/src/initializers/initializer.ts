import type { Tensor } from '@tessera/core';

/** Makes the initial value of a weight of the given shape. */
export type Initializer = (shape: readonly number[]) => Tensor;

/** Options shared by the random initializers; a seed makes the draw reproducible on every backend. */
export interface SeedOptions {
  seed?: number;
}
