/** Rows of op(A) per register tile; packed A slivers are this many values wide. */
export const TILE_ROWS = 4;
/** Columns of op(B) per register tile; packed B slivers are this many values wide. */
export const TILE_COLUMNS = 4;

/**
 * Copies the block op(A)[rowStart : rowStart+rows, innerStart : innerStart+depth] into `packed` from `packedOffset` on as
 * slivers of TILE_ROWS rows, each stored inner-index-major (TILE_ROWS consecutive values per inner index), so the micro-kernel
 * reads A strictly sequentially. Rows past the end are zero so the kernel never needs a short tile.
 * `rowStride`/`innerStride` describe op(A) in `a` (they encode the transpose).
 */
export function packA(
  a: Float32Array,
  aOffset: number,
  rowStride: number,
  innerStride: number,
  rowStart: number,
  rows: number,
  innerStart: number,
  depth: number,
  packed: Float32Array,
  packedOffset: number,
): void {
  let target = packedOffset;
  for (let sliver = 0; sliver < rows; sliver += TILE_ROWS) {
    const sliverRows = Math.min(TILE_ROWS, rows - sliver);
    const base = aOffset + (rowStart + sliver) * rowStride + innerStart * innerStride;
    if (sliverRows === TILE_ROWS) {
      let source = base;
      for (let inner = 0; inner < depth; inner++) {
        packed[target] = a[source];
        packed[target + 1] = a[source + rowStride];
        packed[target + 2] = a[source + 2 * rowStride];
        packed[target + 3] = a[source + 3 * rowStride];
        target += TILE_ROWS;
        source += innerStride;
      }
    } else {
      for (let inner = 0; inner < depth; inner++) {
        const source = base + inner * innerStride;
        for (let row = 0; row < TILE_ROWS; row++)
          packed[target + row] = row < sliverRows ? a[source + row * rowStride] : 0;
        target += TILE_ROWS;
      }
    }
  }
}

/**
 * Copies op(B)[innerStart : innerStart+depth, columnStart : columnStart+columns] into `packed` from `packedOffset` on as
 * slivers of TILE_COLUMNS columns, each stored inner-index-major; columns past the end are zero.
 */
export function packB(
  b: Float32Array,
  bOffset: number,
  innerStride: number,
  columnStride: number,
  innerStart: number,
  depth: number,
  columnStart: number,
  columns: number,
  packed: Float32Array,
  packedOffset: number,
): void {
  let target = packedOffset;
  for (let sliver = 0; sliver < columns; sliver += TILE_COLUMNS) {
    const sliverColumns = Math.min(TILE_COLUMNS, columns - sliver);
    const base = bOffset + innerStart * innerStride + (columnStart + sliver) * columnStride;
    if (sliverColumns === TILE_COLUMNS) {
      let source = base;
      for (let inner = 0; inner < depth; inner++) {
        packed[target] = b[source];
        packed[target + 1] = b[source + columnStride];
        packed[target + 2] = b[source + 2 * columnStride];
        packed[target + 3] = b[source + 3 * columnStride];
        target += TILE_COLUMNS;
        source += innerStride;
      }
    } else {
      for (let inner = 0; inner < depth; inner++) {
        const source = base + inner * innerStride;
        for (let column = 0; column < TILE_COLUMNS; column++) {
          packed[target + column] = column < sliverColumns ? b[source + column * columnStride] : 0;
        }
        target += TILE_COLUMNS;
      }
    }
  }
}
