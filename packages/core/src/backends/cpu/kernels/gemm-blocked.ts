/**
 * The packed, register-tiled float32 GEMM. Everything here is plain function declarations that refer only to each
 * other and to built-ins: gemm-thread-pool.ts ships their source text (`Function.prototype.toString`) to worker
 * threads, so module-level constants and imports are deliberately absent and tile sizes are literal 4s.
 */

/** Reusable per-thread memory: the packing buffer (B panel, then A block) and the micro-kernel's 4x4 result. */
export interface GemmWorkspace {
  packed: Float32Array;
  tile: Float64Array;
}

export function createGemmWorkspace(): GemmWorkspace {
  return { packed: new Float32Array(0), tile: new Float64Array(16) };
}

/**
 * out (+)= op(A)·op(B) for an m×k op(A) and k×n op(B) described by element strides (which encode the transposes),
 * writing rows of `outRowStride`. Blocking follows GotoBLAS: a depth×columns panel of B (≤ 1.5 MiB) stays in L2/L3,
 * rows×depth blocks of A (≤ 192 KiB) cycle through L2, and each depth×4 sliver of B stays in L1 while the
 * micro-kernel walks down the A block. Requires m ≥ 1, n ≥ 1, k ≥ 1.
 */
export function blockedGemm(
  a: Float32Array,
  aOffset: number,
  aRowStride: number,
  aInnerStride: number,
  b: Float32Array,
  bOffset: number,
  bInnerStride: number,
  bColumnStride: number,
  out: Float32Array,
  outOffset: number,
  outRowStride: number,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
  workspace: GemmWorkspace,
): void {
  const blockColumns = 1024;
  const blockRows = 128;
  // Equal depth blocks of at most 384 (784 → 3×262, not 384 + 384 + 16), so no block is too shallow.
  const blockDepth = Math.ceil(k / Math.ceil(k / 384));
  const panelColumns = Math.min(Math.ceil(n / 4) * 4, blockColumns);
  const blockAStart = panelColumns * blockDepth;
  const needed = blockAStart + Math.min(Math.ceil(m / 4) * 4, blockRows) * blockDepth;
  if (workspace.packed.length < needed) workspace.packed = new Float32Array(needed);
  const packed = workspace.packed;
  const tile = workspace.tile;
  for (let columnStart = 0; columnStart < n; columnStart += blockColumns) {
    const columns = Math.min(blockColumns, n - columnStart);
    for (let innerStart = 0; innerStart < k; innerStart += blockDepth) {
      const depth = Math.min(blockDepth, k - innerStart);
      // The first depth block overwrites the output, so it needs no separate zeroing pass.
      const overwrite = innerStart === 0 && !accumulate;
      packB(
        b,
        bOffset + innerStart * bInnerStride + columnStart * bColumnStride,
        bInnerStride,
        bColumnStride,
        depth,
        columns,
        packed,
      );
      for (let rowStart = 0; rowStart < m; rowStart += blockRows) {
        const rows = Math.min(blockRows, m - rowStart);
        packA(
          a,
          aOffset + rowStart * aRowStride + innerStart * aInnerStride,
          aRowStride,
          aInnerStride,
          rows,
          depth,
          packed,
          blockAStart,
        );
        for (let column = 0; column < columns; column += 4) {
          const tileColumns = Math.min(4, columns - column);
          let outIndex = outOffset + rowStart * outRowStride + columnStart + column;
          for (let row = 0; row < rows; row += 4) {
            gemmMicroKernel(packed, blockAStart + row * depth, column * depth, depth, tile);
            storeTile(tile, out, outIndex, outRowStride, Math.min(4, rows - row), tileColumns, overwrite);
            outIndex += 4 * outRowStride;
          }
        }
      }
    }
  }
}

/**
 * Copies `rows` rows × `depth` inner values of op(A), starting at `source`, into `packed` from `target` on, as
 * slivers of 4 rows stored inner-index-major so the micro-kernel reads A strictly sequentially. Rows past the end
 * are zero so the kernel never needs a short tile.
 */
function packA(
  a: Float32Array,
  source: number,
  rowStride: number,
  innerStride: number,
  rows: number,
  depth: number,
  packed: Float32Array,
  target: number,
): void {
  for (let sliver = 0; sliver < rows; sliver += 4) {
    const sliverRows = Math.min(4, rows - sliver);
    let from = source + sliver * rowStride;
    for (let inner = 0; inner < depth; inner++) {
      if (sliverRows === 4) {
        packed[target] = a[from];
        packed[target + 1] = a[from + rowStride];
        packed[target + 2] = a[from + 2 * rowStride];
        packed[target + 3] = a[from + 3 * rowStride];
      } else {
        for (let row = 0; row < 4; row++) packed[target + row] = row < sliverRows ? a[from + row * rowStride] : 0;
      }
      target += 4;
      from += innerStride;
    }
  }
}

/** The B counterpart of packA: `depth` × `columns` of op(B) as slivers of 4 columns, zero-padded, from index 0. */
function packB(
  b: Float32Array,
  source: number,
  innerStride: number,
  columnStride: number,
  depth: number,
  columns: number,
  packed: Float32Array,
): void {
  let target = 0;
  for (let sliver = 0; sliver < columns; sliver += 4) {
    const sliverColumns = Math.min(4, columns - sliver);
    let from = source + sliver * columnStride;
    for (let inner = 0; inner < depth; inner++) {
      if (sliverColumns === 4) {
        packed[target] = b[from];
        packed[target + 1] = b[from + columnStride];
        packed[target + 2] = b[from + 2 * columnStride];
        packed[target + 3] = b[from + 3 * columnStride];
      } else {
        for (let column = 0; column < 4; column++) {
          packed[target + column] = column < sliverColumns ? b[from + column * columnStride] : 0;
        }
      }
      target += 4;
      from += innerStride;
    }
  }
}

/**
 * One 4x4 register tile: tile = (A sliver at aIndex) · (B sliver at bIndex) over `depth` inner steps.
 *
 * V8 is instruction-bound here, not FLOP-bound: every typed-array load carries a bounds check and index
 * arithmetic. Sixteen accumulators in locals (x64 has sixteen float registers, so a few spill) give sixteen
 * multiply-adds per eight loads; both slivers live in one array so the per-iteration array checks happen once;
 * `| 0` keeps index adds free of overflow checks. Sums are float64, rounded once when stored.
 */
function gemmMicroKernel(
  packed: Float32Array,
  aIndex: number,
  bIndex: number,
  depth: number,
  tile: Float64Array,
): void {
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
  const end = (bIndex + depth * 4) | 0;
  while (bIndex < end) {
    const b0 = packed[bIndex];
    const b1 = packed[(bIndex + 1) | 0];
    const b2 = packed[(bIndex + 2) | 0];
    const b3 = packed[(bIndex + 3) | 0];
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

/** Writes (or adds, unless `overwrite`) the valid rows × columns corner of a 4x4 tile into the output. */
function storeTile(
  tile: Float64Array,
  out: Float32Array,
  outIndex: number,
  outRowStride: number,
  rows: number,
  columns: number,
  overwrite: boolean,
): void {
  if (rows === 4 && columns === 4) {
    for (let row = 0; row < 16; row += 4) {
      if (overwrite) {
        out[outIndex] = tile[row];
        out[outIndex + 1] = tile[row + 1];
        out[outIndex + 2] = tile[row + 2];
        out[outIndex + 3] = tile[row + 3];
      } else {
        out[outIndex] += tile[row];
        out[outIndex + 1] += tile[row + 1];
        out[outIndex + 2] += tile[row + 2];
        out[outIndex + 3] += tile[row + 3];
      }
      outIndex += outRowStride;
    }
    return;
  }
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const value = tile[row * 4 + column];
      out[outIndex + column] = overwrite ? value : out[outIndex + column] + value;
    }
    outIndex += outRowStride;
  }
}

/** The source text of this module's functions, for evaluating in a worker thread (see gemm-thread-pool.ts). */
export function blockedGemmSource(): string {
  return [createGemmWorkspace, blockedGemm, packA, packB, gemmMicroKernel, storeTile].map(String).join('\n');
}
