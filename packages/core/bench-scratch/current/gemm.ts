import { gemmMicroKernel } from './gemm-micro-kernel';
import { packA, packB, TILE_COLUMNS, TILE_ROWS } from './gemm-pack';
import { storeTile } from './gemm-store-tile';
import { thinGemm } from './gemm-thin';

/**
 * Cache blocking in the GotoBLAS order. A depth×columns panel of B (1 MiB at most) stays in L2/L3 while
 * rows×depth blocks of A (128 KiB) cycle through L2, and each depth×4 sliver of B (4 KiB) stays in L1 while
 * the micro-kernel walks down the A block.
 */
const BLOCK_DEPTH = 384;
const BLOCK_ROWS = 128;
const BLOCK_COLUMNS = 1024;
/** Below this many multiply-adds, packing costs more than it saves. */
const SMALL_PROBLEM = 4096;

/**
 * One packing buffer for the B panel (first) and the A block (after it), shared by all calls; it only grows, so
 * steady-state training allocates nothing here. One array rather than two halves the typed-array checks TurboFan
 * repeats in every micro-kernel iteration.
 */
let packed = new Float32Array(0);

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/**
 * out[m×n] = op(A)·op(B), or out += op(A)·op(B) when `accumulate`, on row-major Float32Array views at the given
 * offsets. op(A) is m×k: A itself (stored m×k) or, with transposeA, Aᵀ of A stored k×m. op(B) is k×n: B stored k×n,
 * or with transposeB, Bᵀ of B stored n×k. Output rows are contiguous with stride n.
 */
export function gemm(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  out: Float32Array,
  outOffset: number,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
  accumulate = false,
): void {
  if (m === 0 || n === 0) return;
  const aRowStride = transposeA ? 1 : k;
  const aInnerStride = transposeA ? m : 1;
  const bInnerStride = transposeB ? 1 : n;
  const bColumnStride = transposeB ? k : 1;
  if (k === 0) {
    if (!accumulate) out.fill(0, outOffset, outOffset + m * n);
    return;
  }
  // Fewer than 4 rows or columns would leave most of every 4x4 register tile idle, and packing a tiny problem
  // costs more than it saves.
  if (m < TILE_ROWS || n < TILE_COLUMNS || m * n * k <= SMALL_PROBLEM) {
    thinGemm(
      a,
      aOffset,
      aRowStride,
      aInnerStride,
      b,
      bOffset,
      bInnerStride,
      bColumnStride,
      out,
      outOffset,
      m,
      n,
      k,
      accumulate,
    );
    return;
  }
  const panelColumns = Math.min(roundUp(n, TILE_COLUMNS), BLOCK_COLUMNS);
  // Equal depth blocks (288 → 2×144, not 256 + 32) so no block is too shallow to amortize its tile stores.
  const blockDepth = Math.ceil(k / Math.ceil(k / BLOCK_DEPTH));
  const blockRows = Math.min(roundUp(m, TILE_ROWS), BLOCK_ROWS);
  const blockAStart = panelColumns * blockDepth;
  if (packed.length < blockAStart + blockRows * blockDepth)
    packed = new Float32Array(blockAStart + blockRows * blockDepth);
  const buffer = packed;

  for (let columnStart = 0; columnStart < n; columnStart += BLOCK_COLUMNS) {
    const columns = Math.min(BLOCK_COLUMNS, n - columnStart);
    for (let innerStart = 0; innerStart < k; innerStart += blockDepth) {
      const depth = Math.min(blockDepth, k - innerStart);
      // The first depth block overwrites the output, so it needs no separate zeroing pass.
      const overwrite = innerStart === 0 && !accumulate;
      packB(b, bOffset, bInnerStride, bColumnStride, innerStart, depth, columnStart, columns, buffer, 0);
      for (let rowStart = 0; rowStart < m; rowStart += BLOCK_ROWS) {
        const rows = Math.min(BLOCK_ROWS, m - rowStart);
        packA(a, aOffset, aRowStride, aInnerStride, rowStart, rows, innerStart, depth, buffer, blockAStart);
        for (let column = 0; column < columns; column += TILE_COLUMNS) {
          const tileColumns = Math.min(TILE_COLUMNS, columns - column);
          const bIndex = column * depth;
          let outIndex = outOffset + rowStart * n + columnStart + column;
          for (let row = 0; row < rows; row += TILE_ROWS) {
            gemmMicroKernel(buffer, blockAStart + row * depth, bIndex, depth);
            storeTile(out, outIndex, n, Math.min(TILE_ROWS, rows - row), tileColumns, overwrite);
            outIndex += TILE_ROWS * n;
          }
        }
      }
    }
  }
}
