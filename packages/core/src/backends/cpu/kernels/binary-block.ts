import type { TypedArray } from '../../../dtype';
import type { Shape } from '../../../util/shape';
import { forEachBlock, planBroadcast } from './broadcast-iteration';

/** One rows x columns block of a two-input element-wise op, with both inputs' strides as plain numbers. */
export interface BinaryBlock {
  readonly rows: number;
  readonly columns: number;
  readonly aRowStride: number;
  readonly aColumnStride: number;
  readonly bRowStride: number;
  readonly bColumnStride: number;
}

/**
 * A per-op loop over one block. Each op gets its own function (rather than one loop calling a per-element
 * callback) so that the engine compiles a tight loop per op: the only indirect call is once per block.
 */
export type BinaryBlockLoop<Output extends TypedArray = TypedArray> = (
  out: Output,
  outputOffset: number,
  a: TypedArray,
  aOffset: number,
  b: TypedArray,
  bOffset: number,
  block: BinaryBlock,
) => void;

/** Runs `loop` over the broadcast of `a` (of `aShape`) and `b` (of `bShape`) into `out` (of `outputShape`). */
export function runBinaryLoop<Output extends TypedArray>(
  loop: BinaryBlockLoop<Output>,
  out: Output,
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  outputShape: Shape,
): void {
  const layout = planBroadcast([aShape, bShape], outputShape);
  const block: BinaryBlock = {
    rows: layout.rows,
    columns: layout.columns,
    aRowStride: layout.rowStrides[0],
    aColumnStride: layout.columnStrides[0],
    bRowStride: layout.rowStrides[1],
    bColumnStride: layout.columnStrides[1],
  };
  forEachBlock(layout, (outputOffset, inputOffsets) => {
    loop(out, outputOffset, a, inputOffsets[0], b, inputOffsets[1], block);
  });
}
