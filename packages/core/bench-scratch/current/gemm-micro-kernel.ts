import { TILE_COLUMNS, TILE_ROWS } from './gemm-pack';

/**
 * The 4x4 block of products the last gemmMicroKernel call computed, row-major. Handing results back through this
 * array keeps the output array, its index and the edge logic out of the kernel, so fewer values compete with the
 * accumulators for registers inside the inner loop.
 */
export const microTile = new Float64Array(TILE_ROWS * TILE_COLUMNS);

/**
 * One 4x4 register tile: microTile = (A sliver at aIndex) · (B sliver at bIndex) over `depth` inner steps, both
 * slivers in the one packing buffer.
 *
 * The sixteen accumulators live in locals so V8 keeps them in registers (x64 has sixteen, so a few spill); each
 * inner step does eight sequential loads for sixteen multiply-adds. Indices use `| 0` so TurboFan emits plain
 * int32 adds rather than overflow-checked ones. Sums are float64 (V8's number type), rounded once when stored.
 */
export function gemmMicroKernel(packed: Float32Array, aIndex: number, bIndex: number, depth: number): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  // Literal strides, not the imported constants: bundlers turn those into mutable top-level variables that
  // TurboFan would reload and re-check on every iteration.
  const end = (bIndex + depth * 4) | 0;
  while (bIndex < end) {
    const b0 = packed[bIndex],
      b1 = packed[(bIndex + 1) | 0],
      b2 = packed[(bIndex + 2) | 0],
      b3 = packed[(bIndex + 3) | 0];
    let a = packed[aIndex];
    c00 += a * b0;
    c01 += a * b1;
    c02 += a * b2;
    c03 += a * b3;
    a = packed[(aIndex + 1) | 0];
    c10 += a * b0;
    c11 += a * b1;
    c12 += a * b2;
    c13 += a * b3;
    a = packed[(aIndex + 2) | 0];
    c20 += a * b0;
    c21 += a * b1;
    c22 += a * b2;
    c23 += a * b3;
    a = packed[(aIndex + 3) | 0];
    c30 += a * b0;
    c31 += a * b1;
    c32 += a * b2;
    c33 += a * b3;
    aIndex = (aIndex + 4) | 0;
    bIndex = (bIndex + 4) | 0;
  }
  const tile = microTile;
  tile[0] = c00;
  tile[1] = c01;
  tile[2] = c02;
  tile[3] = c03;
  tile[4] = c10;
  tile[5] = c11;
  tile[6] = c12;
  tile[7] = c13;
  tile[8] = c20;
  tile[9] = c21;
  tile[10] = c22;
  tile[11] = c23;
  tile[12] = c30;
  tile[13] = c31;
  tile[14] = c32;
  tile[15] = c33;
}
