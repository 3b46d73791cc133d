/** Options shared by the random ops. */
export interface RandomOptions {
  /**
   * A non-negative safe integer. With a seed the op draws from that seed's own stream (the same numbers every
   * call, on every backend); without one it draws the next numbers of the global stream (see `setSeed`).
   */
  seed?: number;
}
