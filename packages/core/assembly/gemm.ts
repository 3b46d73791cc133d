// The CPU backend's float32 GEMM as WebAssembly SIMD128 (AssemblyScript, compiled by scripts/build-wasm.mjs into
// src/backends/cpu/wasm/simd-kernels-binary.ts). It is the same GotoBLAS blocking as the TypeScript reference in
// src/backends/cpu/kernels/gemm-blocked.ts, with a 4-row × 8-column register tile of eight f32x4 accumulators.
//
// The caller owns the linear memory: it copies op(A) and op(B) in, names a workspace, and copies the product out.
// All addresses are byte addresses; all strides count float32 elements. Nothing here allocates.

/** Widest B panel kept packed at once (columns) and tallest A block (rows); depth blocks are at most 256. */
const BLOCK_COLUMNS: i32 = 1024;
const BLOCK_ROWS: i32 = 128;
const MAX_BLOCK_DEPTH: i32 = 256;

/** Bytes of workspace gemm needs: the packed B panel, the packed A block and one spill tile. */
export function workspaceBytes(): usize {
  return <usize>(BLOCK_COLUMNS * MAX_BLOCK_DEPTH + BLOCK_ROWS * MAX_BLOCK_DEPTH + 32) << 2;
}

/**
 * out (+)= op(A)·op(B) for an m×k op(A) and a k×n op(B) given by element strides (which encode the transposes).
 * Output rows are `outRowStride` apart. `accumulate` ≠ 0 adds to the output instead of overwriting it.
 * Requires m, n, k ≥ 1 and `work` pointing at workspaceBytes() bytes that overlap nothing else.
 */
export function gemm(
  a: usize,
  aRowStride: i32,
  aInnerStride: i32,
  b: usize,
  bInnerStride: i32,
  bColumnStride: i32,
  out: usize,
  outRowStride: i32,
  m: i32,
  n: i32,
  k: i32,
  accumulate: i32,
  work: usize,
): void {
  // Equal depth blocks (784 → 4 × 196, not 3 × 256 + 16), so that no block is too shallow to amortize its tiles.
  const depthBlocks = (k + MAX_BLOCK_DEPTH - 1) / MAX_BLOCK_DEPTH;
  const blockDepth = (k + depthBlocks - 1) / depthBlocks;
  const packedA = work + (<usize>(BLOCK_COLUMNS * MAX_BLOCK_DEPTH) << 2);
  const spillTile = packedA + (<usize>(BLOCK_ROWS * MAX_BLOCK_DEPTH) << 2);
  const outRowBytes = <usize>outRowStride << 2;
  for (let columnStart = 0; columnStart < n; columnStart += BLOCK_COLUMNS) {
    const columns = min(BLOCK_COLUMNS, n - columnStart);
    for (let innerStart = 0; innerStart < k; innerStart += blockDepth) {
      const depth = min(blockDepth, k - innerStart);
      // The first depth block overwrites the output, so it needs no separate zeroing pass.
      const overwrite = innerStart == 0 && accumulate == 0;
      packB(
        b + (<usize>(innerStart * bInnerStride + columnStart * bColumnStride) << 2),
        bInnerStride,
        bColumnStride,
        depth,
        columns,
        work,
      );
      for (let rowStart = 0; rowStart < m; rowStart += BLOCK_ROWS) {
        const rows = min(BLOCK_ROWS, m - rowStart);
        packA(
          a + (<usize>(rowStart * aRowStride + innerStart * aInnerStride) << 2),
          aRowStride,
          aInnerStride,
          rows,
          depth,
          packedA,
        );
        // Each depth×8 sliver of B stays in L1 while the micro-kernel walks down the A block.
        for (let column = 0; column < columns; column += 8) {
          const tileColumns = min(8, columns - column);
          const bSliver = work + (<usize>(column * depth) << 2);
          let outAddress = out + (<usize>(rowStart * outRowStride + columnStart + column) << 2);
          for (let row = 0; row < rows; row += 4) {
            const tileRows = min(4, rows - row);
            const aSliver = packedA + (<usize>(row * depth) << 2);
            if (tileRows == 4 && tileColumns == 8) {
              microKernel(aSliver, bSliver, depth, outAddress, outRowBytes, overwrite);
            } else {
              // Edge tiles are computed whole (the packing zero-padded them) and stored element by element.
              microKernel(aSliver, bSliver, depth, spillTile, 32, true);
              storeEdge(spillTile, outAddress, outRowBytes, tileRows, tileColumns, overwrite);
            }
            outAddress += outRowBytes << 2;
          }
        }
      }
    }
  }
}

/**
 * Copies `rows` × `depth` of op(A) into slivers of 4 rows stored inner-index-major, so the micro-kernel reads A
 * strictly sequentially. Rows past the end are zero so the kernel never needs a short tile.
 */
@inline
function packA(a: usize, rowStride: i32, innerStride: i32, rows: i32, depth: i32, target: usize): void {
  const rowBytes = <usize>rowStride << 2;
  const innerBytes = <usize>innerStride << 2;
  for (let sliver = 0; sliver < rows; sliver += 4) {
    const sliverRows = min(4, rows - sliver);
    let from = a + <usize>sliver * rowBytes;
    if (sliverRows == 4) {
      for (let inner = 0; inner < depth; inner++) {
        store<f32>(target, load<f32>(from));
        store<f32>(target, load<f32>(from + rowBytes), 4);
        store<f32>(target, load<f32>(from + 2 * rowBytes), 8);
        store<f32>(target, load<f32>(from + 3 * rowBytes), 12);
        target += 16;
        from += innerBytes;
      }
    } else {
      for (let inner = 0; inner < depth; inner++) {
        for (let row = 0; row < 4; row++) {
          const value: f32 = row < sliverRows ? load<f32>(from + <usize>row * rowBytes) : 0;
          store<f32>(target + (<usize>row << 2), value);
        }
        target += 16;
        from += innerBytes;
      }
    }
  }
}

/** The B counterpart of packA: `depth` × `columns` of op(B) as zero-padded slivers of 8 columns. */
@inline
function packB(b: usize, innerStride: i32, columnStride: i32, depth: i32, columns: i32, target: usize): void {
  const innerBytes = <usize>innerStride << 2;
  const columnBytes = <usize>columnStride << 2;
  for (let sliver = 0; sliver < columns; sliver += 8) {
    const sliverColumns = min(8, columns - sliver);
    let from = b + <usize>sliver * columnBytes;
    if (sliverColumns == 8 && columnStride == 1) {
      // Contiguous columns: two vector copies per inner step.
      for (let inner = 0; inner < depth; inner++) {
        v128.store(target, v128.load(from));
        v128.store(target, v128.load(from, 16), 16);
        target += 32;
        from += innerBytes;
      }
    } else {
      for (let inner = 0; inner < depth; inner++) {
        for (let column = 0; column < 8; column++) {
          const value: f32 = column < sliverColumns ? load<f32>(from + <usize>column * columnBytes) : 0;
          store<f32>(target + (<usize>column << 2), value);
        }
        target += 32;
        from += innerBytes;
      }
    }
  }
}

/**
 * a·b + c per lane. Built twice (scripts/build-wasm.mjs): with relaxed SIMD, one f32x4.relaxed_madd, which engines
 * lower to a fused multiply-add where the CPU has one (half the instructions of the inner loop, one rounding
 * instead of two); without it, a multiply then an add. The compile-time constant removes the other branch.
 */
@inline
function multiplyAdd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/**
 * One 4×8 register tile over `depth` inner steps: per step two B vectors, four broadcast A values and sixteen
 * vector operations. Eight accumulators cover the add latency on two pipes and, with the operands, fit the
 * sixteen SIMD registers of x64 and arm64 without spilling. Without fused multiply-add, a multiply and an add
 * round separately (with relaxed SIMD, one fused step): sums are float32, as in other float32 GEMMs.
 */
@inline
function microKernel(a: usize, b: usize, depth: i32, out: usize, outRowBytes: usize, overwrite: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  const end = b + (<usize>depth << 5);
  while (b < end) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let value = v128.load32_splat(a);
    c00 = multiplyAdd(value, b0, c00);
    c01 = multiplyAdd(value, b1, c01);
    value = v128.load32_splat(a, 4);
    c10 = multiplyAdd(value, b0, c10);
    c11 = multiplyAdd(value, b1, c11);
    value = v128.load32_splat(a, 8);
    c20 = multiplyAdd(value, b0, c20);
    c21 = multiplyAdd(value, b1, c21);
    value = v128.load32_splat(a, 12);
    c30 = multiplyAdd(value, b0, c30);
    c31 = multiplyAdd(value, b1, c31);
    a += 16;
    b += 32;
  }
  if (!overwrite) {
    c00 = f32x4.add(c00, v128.load(out));
    c01 = f32x4.add(c01, v128.load(out, 16));
    c10 = f32x4.add(c10, v128.load(out + outRowBytes));
    c11 = f32x4.add(c11, v128.load(out + outRowBytes, 16));
    c20 = f32x4.add(c20, v128.load(out + 2 * outRowBytes));
    c21 = f32x4.add(c21, v128.load(out + 2 * outRowBytes, 16));
    c30 = f32x4.add(c30, v128.load(out + 3 * outRowBytes));
    c31 = f32x4.add(c31, v128.load(out + 3 * outRowBytes, 16));
  }
  v128.store(out, c00);
  v128.store(out, c01, 16);
  v128.store(out + outRowBytes, c10);
  v128.store(out + outRowBytes, c11, 16);
  v128.store(out + 2 * outRowBytes, c20);
  v128.store(out + 2 * outRowBytes, c21, 16);
  v128.store(out + 3 * outRowBytes, c30);
  v128.store(out + 3 * outRowBytes, c31, 16);
}

/** Writes (or adds, unless `overwrite`) the valid rows × columns corner of a 4×8 spill tile into the output. */
@inline
function storeEdge(tile: usize, out: usize, outRowBytes: usize, rows: i32, columns: i32, overwrite: bool): void {
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const value = load<f32>(tile + (<usize>(row * 8 + column) << 2));
      const target = out + <usize>row * outRowBytes + (<usize>column << 2);
      store<f32>(target, overwrite ? value : load<f32>(target) + value);
    }
  }
}
