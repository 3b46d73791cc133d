import { microTile } from './gemm-micro-kernel';
import { TILE_COLUMNS, TILE_ROWS } from './gemm-pack';

/** Writes (or adds, unless `overwrite`) the valid rows × columns corner of the micro-kernel's tile into the output. */
export function storeTile(
  out: Float32Array,
  outIndex: number,
  outRowStride: number,
  rows: number,
  columns: number,
  overwrite: boolean,
): void {
  const tile = microTile;
  if (rows === TILE_ROWS && columns === TILE_COLUMNS) {
    for (let row = 0; row < TILE_ROWS; row++) {
      const tileRow = row * TILE_COLUMNS;
      if (overwrite) {
        out[outIndex] = tile[tileRow];
        out[outIndex + 1] = tile[tileRow + 1];
        out[outIndex + 2] = tile[tileRow + 2];
        out[outIndex + 3] = tile[tileRow + 3];
      } else {
        out[outIndex] += tile[tileRow];
        out[outIndex + 1] += tile[tileRow + 1];
        out[outIndex + 2] += tile[tileRow + 2];
        out[outIndex + 3] += tile[tileRow + 3];
      }
      outIndex += outRowStride;
    }
    return;
  }
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const value = tile[row * TILE_COLUMNS + column];
      out[outIndex + column] = overwrite ? value : out[outIndex + column] + value;
    }
    outIndex += outRowStride;
  }
}
